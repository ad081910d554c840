package dev.sockit.cli.nc;

import dev.sockit.addr.SockAddr;
import dev.sockit.net.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code -e}/{@code -c} in connect mode (TCP, UNIX, UDP): the program's stdin and stdout are
 * the connected socket, through an {@link ExecProcess} as on the listen side (its environment
 * names the connection, its I/O runs on its own threads).
 *
 * <p>End of stream: the peer's FIN closes the program's stdin; the program closing its stdout
 * (exiting) ends the session, exit 0, once what it wrote is sent. A reset, a failed send or an
 * ICMP refusal (UDP) ends it with exit 1; {@code -i}: exit 4. The program's own exit status is
 * not looked at (as ncat). At the end the program's stdin is closed and it gets a grace period
 * to exit before it is killed.
 *
 * <p>Threads: the receiver (socket to program, paused while the program is
 * {@link ExecProcess#HIGH_WATER} behind; a UDP peer is never paused, its datagrams are dropped
 * past {@link ExecProcess#DROP_ABOVE}) and the program's output thread (program to socket,
 * blocking sends: backpressure). {@code lock} guards {@code paused}.
 */
final class ExecSession implements ExecProcess.Output {
    private static final int RECEIVE_SIZE = 64 * 1024;
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Socket socket;
    private final boolean datagrams;
    private final NetcatOptions options;
    private final TrafficTap tap;
    private final Ending ending = new Ending();
    private final Activity activity = new Activity();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition caughtUp = lock.newCondition();
    private boolean paused;

    private ExecSession(Socket socket, boolean datagrams, NetcatOptions options, TrafficTap tap) {
        this.socket = socket;
        this.datagrams = datagrams;
        this.options = options;
        this.tap = tap;
    }

    /**
     * Runs {@code command} on {@code socket} (connected, blocking) until the session ends; closes
     * the socket and reports the {@code closed} event, an error if any, and the summary.
     *
     * @return the {@link ExitStatus}: 0, 1 (network, or the program cannot start), 4 (idle)
     */
    static int run(Socket socket, SockAddr peer, String proto, List<String> command, NetcatOptions options,
            TrafficTap tap, EventLog events) {
        long start = System.nanoTime();
        ExecSession session = new ExecSession(socket, proto.equals("udp"), options, tap);
        Ending.Outcome outcome = session.runToEnd(command, peer, proto);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        return Reports.finish(outcome, tap, events, peer, proto, session.sent.get(), session.received.get(), duration);
    }

    private Ending.Outcome runToEnd(List<String> command, SockAddr peer, String proto) {
        ExecProcess program;
        try {
            program = ExecProcess.start(command, peer, socket.getsockname(), proto, this, this::resume);
        } catch (IOException e) {
            ending.fail(ExitStatus.NETWORK, "error", "cannot run " + command.get(0) + ": " + e.getMessage());
            closeQuietly();
            return ending.await();
        }
        Thread receiver = Thread.ofPlatform().name("sockit-exec-recv").daemon().start(() -> receive(program));
        if (options.idleTimeout != null) {
            QuietWatch.start("sockit-idle", ending, activity, options.idleTimeout,
                    () -> ending.idle(options.idleTimeout));
        }
        Ending.Outcome outcome = ending.await();
        closeQuietly();
        resume();
        program.finish(GRACE);
        try {
            receiver.join(GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome;
    }

    private void receive(ExecProcess program) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_SIZE);
        while (!ending.ended()) {
            buffer.clear();
            int n;
            try {
                n = socket.recvInto(buffer, 0);
            } catch (IOException e) {
                ending.failed(e);
                return;
            }
            if (n == 0 && !datagrams) {
                program.endInput();
                return;
            }
            buffer.flip();
            received.addAndGet(n);
            activity.touch();
            tap.record(TrafficTap.Direction.RECEIVED, buffer);
            if (!program.input(buffer) && !datagrams) {
                awaitCaughtUp();
            }
        }
    }

    private void awaitCaughtUp() {
        lock.lock();
        try {
            paused = true;
            while (paused && !ending.ended()) {
                caughtUp.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void resume() {
        lock.lock();
        try {
            paused = false;
            caughtUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void data(ByteBuffer chunk) {
        int length = chunk.remaining();
        tap.record(TrafficTap.Direction.SENT, chunk);
        try {
            if (datagrams) {
                socket.send(chunk, 0);
            } else {
                socket.sendall(chunk, 0);
            }
        } catch (IOException e) {
            ending.failed(e);
            return;
        }
        sent.addAndGet(length);
        activity.touch();
    }

    @Override
    public void awaitRoom() {
        // data() sends before it returns: the socket's own buffer is the backpressure.
    }

    @Override
    public void ended() {
        ending.end(ExitStatus.OK, "eof");
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException closing) {
            // the outcome is decided; a failing close adds nothing the user can act on
        }
    }
}
