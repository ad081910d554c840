package dev.sockit.cli.nc;

import dev.sockit.addr.SockAddr;
import dev.sockit.net.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A connected UDP socket and the process's standard streams. Each read of standard input is
 * sent as one datagram (with {@code -d}, each line; more than the largest UDP payload is cut
 * into several); each datagram received is written to standard output as it comes.
 *
 * <p>End of stream: UDP has no FIN, so after standard input ends sockit keeps receiving
 * replies for a linger ({@code -q}, else {@code -i}, else {@value #DEFAULT_LINGER_SECONDS} s),
 * each reply restarting it, then exits 0. {@code -W N} ends after N datagrams received;
 * {@code -i} before the end of input ends with exit 4; an ICMP port unreachable
 * ({@code ECONNREFUSED}) with exit 1.
 */
final class DatagramSession {
    /** The largest UDP payload over IPv4 (65,535 - 20 - 8); what one datagram carries at most. */
    static final int MAX_PAYLOAD = 65_507;
    static final int DEFAULT_LINGER_SECONDS = 2;

    private final Socket socket;
    private final NetcatOptions options;
    private final TrafficTap tap;
    private final Ending ending = new Ending();
    private final Activity activity = new Activity();
    private final Activity replies = new Activity();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile boolean inputEnded;

    private DatagramSession(Socket socket, NetcatOptions options, TrafficTap tap) {
        this.socket = socket;
        this.options = options;
        this.tap = tap;
    }

    /**
     * Runs the session until it ends; closes the socket and reports as {@link StreamSession}.
     *
     * @return the {@link ExitStatus}
     */
    static int run(Socket socket, SockAddr peer, NetcatOptions options, TrafficTap tap, EventLog events) {
        long start = System.nanoTime();
        DatagramSession session = new DatagramSession(socket, options, tap);
        Ending.Outcome outcome = session.runToEnd();
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        return Reports.finish(outcome, tap, events, peer, "udp", session.sent.get(), session.received.get(), duration);
    }

    private Ending.Outcome runToEnd() {
        Thread downlink = new Thread(this::downlink, "sockit-downlink");
        downlink.setDaemon(true);
        downlink.start();
        if (!options.noStdin && !options.recvOnly) {
            new Uplink(StdinSource.open(), this::sendDatagrams, MAX_PAYLOAD, options, tap, activity, sent, ending,
                    this::inputEnded).start();
        }
        if (options.idleTimeout != null) {
            QuietWatch.start("sockit-idle", ending, activity, options.idleTimeout, () -> {
                if (!inputEnded) {
                    ending.idle(options.idleTimeout);
                }
            });
        }
        Ending.Outcome outcome = ending.await();
        StreamSession.closeAndDrain(socket, downlink);
        return outcome;
    }

    private void sendDatagrams(ByteBuffer data) throws IOException {
        int end = data.limit();
        while (data.hasRemaining()) {
            data.limit(Math.min(end, data.position() + MAX_PAYLOAD));
            socket.send(data, 0);
            data.limit(end);
        }
    }

    private void inputEnded() {
        inputEnded = true;
        replies.touch();
        Duration linger = options.quitAfterEof != null ? options.quitAfterEof
                : options.idleTimeout != null ? options.idleTimeout : Duration.ofSeconds(DEFAULT_LINGER_SECONDS);
        QuietWatch.start("sockit-linger", ending, replies, linger, () -> ending.end(ExitStatus.OK, "eof"));
    }

    private void downlink() {
        StdoutSink stdout = StdoutSink.open();
        ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_PAYLOAD + 1);
        long datagrams = 0;
        while (!ending.ended()) {
            buffer.clear();
            try {
                socket.recvInto(buffer, 0);
            } catch (IOException e) {
                ending.failed(e);
                return;
            }
            buffer.flip();
            received.addAndGet(buffer.remaining());
            activity.touch();
            replies.touch();
            tap.record(TrafficTap.Direction.RECEIVED, buffer);
            if (!options.sendOnly) {
                try {
                    stdout.writeFully(buffer);
                } catch (IOException e) {
                    ending.fail(ExitStatus.NETWORK, "error", e.getMessage());
                    return;
                }
            }
            datagrams++;
            if (options.receiveLimit != null && datagrams >= options.receiveLimit) {
                ending.end(ExitStatus.OK, "limit");
                return;
            }
        }
    }
}
