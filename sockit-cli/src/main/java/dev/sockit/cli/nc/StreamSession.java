package dev.sockit.cli.nc;

import dev.sockit.addr.SockAddr;
import dev.sockit.net.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connected TCP or UNIX stream socket and the process's standard streams: the data path
 * and the end-of-stream rules of connect mode (the README's table).
 *
 * <p>Data path: one thread per direction, each with one large direct buffer: the
 * {@link Uplink} (standard input to the socket) and the downlink (socket to standard output,
 * unbuffered, so what was received is written before the next receive). Memory is bounded by
 * the two buffers; a slow side blocks the other's thread (backpressure).
 *
 * <p>End of stream:
 * <ul>
 *   <li>standard input ends: {@code shutdown(SHUT_WR)} (not with {@code --no-shutdown}), keep
 *       receiving until the peer closes, exit 0; {@code -q TIME}: exit TIME after it at the latest;</li>
 *   <li>the peer's FIN first: input already waiting (a regular file, a pipe with data) is
 *       still sent to its end; once standard input is idle (the uplink blocked reading with
 *       nothing waiting, twice 50 ms apart, with no read between), exit 0; with
 *       {@code --keep-stdin}, wait for the end of standard input instead;</li>
 *   <li>{@code -W N}: exit 0 after the N-th line received; {@code -i}: exit 4 when nothing
 *       moved for that long; a reset or a failed send: exit 1.</li>
 * </ul>
 * The ending is decided once ({@link Ending}); then the socket is closed, which wakes both
 * threads.
 */
final class StreamSession {
    /** The buffer of each direction: large, so a copy loop moves data in few system calls. */
    static final int BUFFER_SIZE = 1 << 20;
    private static final Duration IDLE_CONFIRM = Duration.ofMillis(50);
    private static final Duration PROGRESS_WAIT = Duration.ofMillis(50);
    private static final int DOWNLINK_DRAIN_SECONDS = 10;

    private final Socket socket;
    private final NetcatOptions options;
    private final TrafficTap tap;
    private final Ending ending = new Ending();
    private final Activity activity = new Activity();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final boolean readsStdin;
    private volatile Uplink uplink;
    /** Set by the downlink when the peer's FIN arrives. */
    private volatile boolean peerClosed;

    private StreamSession(Socket socket, NetcatOptions options, TrafficTap tap) {
        this.socket = socket;
        this.options = options;
        this.tap = tap;
        this.readsStdin = !options.noStdin && !options.recvOnly;
    }

    /**
     * Runs the session on {@code socket} (connected, blocking) until it ends; closes the socket
     * and reports the {@code closed} event, an error if any, and the summary.
     *
     * @return the {@link ExitStatus}
     */
    static int run(Socket socket, SockAddr peer, String proto, NetcatOptions options, TrafficTap tap, EventLog events) {
        long start = System.nanoTime();
        StreamSession session = new StreamSession(socket, options, tap);
        Ending.Outcome outcome = session.runToEnd();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        return Reports.finish(outcome, tap, events, peer, proto, session.sent.get(), session.received.get(), duration);
    }

    private Ending.Outcome runToEnd() {
        Thread downlink = new Thread(this::downlink, "sockit-downlink");
        downlink.setDaemon(true);
        if (readsStdin) {
            uplink = new Uplink(StdinSource.open(), data -> socket.sendall(data, 0), BUFFER_SIZE, options, tap, activity,
                    sent, ending, this::stdinEnded).start();
        }
        downlink.start();
        if (options.idleTimeout != null) {
            QuietWatch.start("sockit-idle", ending, activity, options.idleTimeout,
                    () -> ending.idle(options.idleTimeout));
        }
        Ending.Outcome outcome = ending.await();
        closeAndDrain(socket, downlink);
        return outcome;
    }

    /**
     * After the ending: closes {@code socket}, which wakes both directions' threads, and waits
     * (at most {@value #DOWNLINK_DRAIN_SECONDS} s, for a slow standard output) until the
     * downlink has written what it was writing.
     */
    static void closeAndDrain(Socket socket, Thread downlink) {
        try {
            socket.close();
        } catch (IOException closing) {
            // the outcome is decided; a failing close adds nothing the user can act on
        }
        try {
            downlink.join(Duration.ofSeconds(DOWNLINK_DRAIN_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stdinEnded() {
        if (!options.noShutdown) {
            try {
                socket.shutdown(Socket.SHUT_WR);
            } catch (IOException e) {
                ending.failed(e);
                return;
            }
        }
        if (peerClosed) {
            ending.end(ExitStatus.OK, "eof");
        } else if (options.quitAfterEof != null) {
            Thread quit = new Thread(() -> {
                if (!ending.awaitFor(options.quitAfterEof)) {
                    ending.end(ExitStatus.OK, "quit");
                }
            }, "sockit-quit");
            quit.setDaemon(true);
            quit.start();
        }
    }

    private void downlink() {
        StdoutSink stdout = StdoutSink.open();
        LineLimit limit = options.receiveLimit == null ? null : new LineLimit(options.receiveLimit);
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        while (!ending.ended()) {
            buffer.clear();
            int n;
            try {
                n = socket.recvInto(buffer, 0);
            } catch (IOException e) {
                ending.failed(e);
                return;
            }
            if (n == 0) {
                peerFinished();
                return;
            }
            buffer.flip();
            boolean reachedLimit = limit != null && limit.cut(buffer);
            if (!deliver(stdout, buffer)) {
                return;
            }
            if (reachedLimit) {
                ending.end(ExitStatus.OK, "limit");
                return;
            }
        }
    }

    private boolean deliver(StdoutSink stdout, ByteBuffer data) {
        int length = data.remaining();
        received.addAndGet(length);
        activity.touch();
        tap.record(TrafficTap.Direction.RECEIVED, data);
        if (options.sendOnly) {
            return true;
        }
        try {
            stdout.writeFully(data);
            return true;
        } catch (IOException e) {
            ending.fail(ExitStatus.NETWORK, "error", e.getMessage());
            return false;
        }
    }

    /** The peer's FIN: the rules of the class note, on the downlink thread (it has nothing else to do). */
    private void peerFinished() {
        peerClosed = true;
        Uplink input = uplink;
        if (input == null) {
            ending.end(ExitStatus.OK, "eof");
            return;
        }
        while (!ending.ended()) {
            if (input.finished()) {
                ending.end(ExitStatus.OK, "eof");
                return;
            }
            if (!options.keepStdin && input.idle()) {
                long reads = input.reads();
                input.awaitProgress(IDLE_CONFIRM);
                if (input.idle() && input.reads() == reads) {
                    ending.end(ExitStatus.OK, "eof");
                    return;
                }
            } else {
                input.awaitFinished(PROGRESS_WAIT);
            }
        }
    }
}
