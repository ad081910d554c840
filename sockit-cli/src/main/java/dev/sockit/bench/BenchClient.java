package dev.sockit.bench;

import dev.sockit.addr.AddrInfoHints;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Resolver;
import dev.sockit.addr.SocketType;
import dev.sockit.net.Socket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The client side of {@code sockit bench}: asks a {@link BenchServer} for a test on the control
 * connection (or, against a plain echo server, connects without one), runs the mode's
 * {@link Measurement}, reports intervals, and combines its counts with the server's.
 * Blocks for the test's warm-up and duration, plus the time to drain and collect the result.
 */
public final class BenchClient {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final long FAILURE_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * Where to measure.
     * @param host a name or address
     * @param port the server's port
     * @param echoPeer the peer is any echo server (latency) or any TCP listener (connect, conns):
     *     no control connection, no server counts
     */
    public record Target(String host, int port, boolean echoPeer) {
    }

    private BenchClient() {
    }

    /**
     * Runs {@code spec} against {@code target}, telling {@code listener} as it goes; an
     * {@code interval} of zero reports no intervals.
     * @throws IOException a network failure, with its errno text, or a server that refused the test
     */
    public static BenchResult run(Target target, TestSpec spec, Duration interval, BenchListener listener)
            throws IOException, InterruptedException {
        long cookie = new SecureRandom().nextLong() | 1;
        ControlChannel control = null;
        InetSockAddr server;
        if (target.echoPeer()) {
            server = resolve(target, spec);
        } else {
            control = ControlChannel.open(target.host(), target.port(), cookie, spec);
            server = control.server();
        }
        try (ControlChannel c = control; Measurement m = measurement(server.toInetSocketAddress(), spec, cookie, target.echoPeer())) {
            m.open();
            BenchStart start = new BenchStart(spec, server.toString(), target.echoPeer(), m.labels(), m.unit());
            long measureFrom = System.nanoTime() + spec.warmup().toNanos();
            long end = measureFrom + spec.duration().toNanos();
            listener.start(start);
            m.start(measureFrom, end);
            waitUntil(measureFrom, m);
            if (c != null && !spec.warmup().isZero()) {
                c.mark();
            }
            long[] baseline = m.sample();
            List<Interval> intervals = intervals(m, baseline, measureFrom, end, interval, listener);
            m.await(STOP_TIMEOUT);
            ServerReport report = c == null ? null : c.end(m.sentDatagrams());
            Summary summary = m.summary(baseline, report);
            BenchResult result = new BenchResult(start, spec.duration().toNanos() / 1e9, intervals, summary);
            listener.end(result);
            return result;
        }
    }

    private static List<Interval> intervals(Measurement m, long[] baseline, long from, long end, Duration every,
            BenchListener listener) throws IOException, InterruptedException {
        List<Interval> out = new ArrayList<>();
        long step = every.isZero() ? end - from : every.toNanos();
        long[] last = baseline.clone();
        long t = from;
        boolean gauge = m.unit().equals("open");
        for (int i = 0; t - end < 0; i++) {
            long next = Math.min(t + step, end);
            if (next > end - step / 10 && next != end) {
                next = end;
            }
            waitUntil(next, m);
            if (m.failed()) {
                m.await(STOP_TIMEOUT);
            }
            long[] now = m.sample();
            List<Long> values = new ArrayList<>();
            for (int s = 0; s < now.length; s++) {
                values.add(gauge ? now[s] : now[s] - last[s]);
            }
            Interval interval = new Interval(i, (t - from) / 1e9, (next - from) / 1e9, values);
            out.add(interval);
            if (!every.isZero()) {
                listener.interval(interval);
            }
            last = now;
            t = next;
        }
        return out;
    }

    private static void waitUntil(long deadline, Measurement m) throws IOException, InterruptedException {
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !m.failed()) {
            LockSupport.parkNanos(Math.min(left, FAILURE_CHECK_NANOS));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        if (m.failed()) {
            m.await(STOP_TIMEOUT);
        }
    }

    private static Measurement measurement(InetSocketAddress server, TestSpec spec, long cookie, boolean echoPeer) {
        return switch (spec.mode()) {
            case THROUGHPUT -> new ThroughputTest(server, spec, cookie);
            case LATENCY -> new LatencyTest(server, spec, cookie, echoPeer);
            case CONNECT -> new ConnectTest(server, spec);
            case CONNS -> new ConnsTest(server, spec, cookie, echoPeer);
        };
    }

    /** The peer's address: for TCP by connecting once (so a refused connection says so), for UDP by getaddrinfo. */
    private static InetSockAddr resolve(Target target, TestSpec spec) throws IOException {
        if (spec.protocol() == TestSpec.Protocol.UDP) {
            return Resolver.getaddrinfo(target.host(), Integer.toString(target.port()), AddrInfoHints.ANY.withType(SocketType.SOCK_DGRAM))
                    .get(0).address();
        }
        try (Socket probe = Socket.createConnection(target.host(), target.port(), PROBE_TIMEOUT, Optional.empty())) {
            return (InetSockAddr) probe.getpeername();
        }
    }
}
