package dev.sockit.bench;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.server.Connection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One client's test on the {@link BenchServer}: its control connection, the data connections
 * and UDP streams that name its cookie, and the counts the server reports at the end.
 *
 * <p>Design note. Event-loop threads (TCP and UDP) and the server's scheduler call in; every
 * map and flag is guarded by {@link #lock}, held only for bookkeeping (never around I/O that
 * blocks). UDP receive counts live in {@link UdpReceiveStats}, written by the UDP loop only.
 * The session ends when its control connection closes, at the latest at its deadline.
 */
final class ServerSession {
    private static final long SINK_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long UDP_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long cookie;
    private final TestSpec spec;
    private final Connection control;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> log;
    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private final Map<Integer, Connection> streams = new HashMap<>();
    private final Map<Integer, ControlProtocol.Role> roles = new HashMap<>();
    private final Map<Integer, UdpReceiveStats> udpIn = new HashMap<>();
    private final Map<Integer, UdpSender> udpOut = new HashMap<>();
    private final Map<Integer, Long> marks = new HashMap<>();
    private final Map<Integer, Long> lastUdpCounts = new HashMap<>();
    private long lastUdpChange;
    private int openSinks;
    private int held;
    private List<Long> clientSent;
    private long endAt;
    private boolean reported;
    private boolean closed;
    private ScheduledFuture<?> deadline;

    ServerSession(long cookie, TestSpec spec, Connection control, ScheduledExecutorService scheduler, Consumer<String> log) {
        this.cookie = cookie;
        this.spec = spec;
        this.control = control;
        this.scheduler = scheduler;
        this.log = log;
    }

    long cookie() {
        return cookie;
    }

    TestSpec spec() {
        return spec;
    }

    /** Closes the control connection (and so the session) after {@code limitNanos}. */
    void closeAfter(long limitNanos) {
        ScheduledFuture<?> f = scheduler.schedule(control::close, limitNanos, TimeUnit.NANOSECONDS);
        lock.lock();
        try {
            deadline = f;
        } finally {
            lock.unlock();
        }
    }

    /** The highest stream number a data connection or UDP stream of this session may use, plus one. */
    private int streamLimit() {
        return switch (spec.mode()) {
            case THROUGHPUT -> spec.forwardStreams() + spec.reverseStreams();
            default -> spec.connections();
        };
    }

    /**
     * A data connection names this session; returns whether it is taken (a stream number out of
     * range or used twice is not). {@code baseline} is its byte count before the first data byte.
     */
    boolean attach(int stream, ControlProtocol.Role role, Connection c, long baseline) {
        lock.lock();
        try {
            if (closed || stream < 0 || stream >= streamLimit() || streams.containsKey(stream)) {
                return false;
            }
            streams.put(stream, c);
            roles.put(stream, role);
            marks.put(stream, baseline);
            if (role == ControlProtocol.Role.SINK) {
                openSinks++;
            } else if (role == ControlProtocol.Role.HOLD) {
                held++;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A data connection of this session closed. */
    void detach(int stream, Connection c) {
        lock.lock();
        try {
            if (streams.get(stream) != c) {
                return;
            }
            ControlProtocol.Role role = roles.get(stream);
            if (role == ControlProtocol.Role.SINK) {
                openSinks--;
            } else if (role == ControlProtocol.Role.HOLD) {
                held--;
            }
        } finally {
            lock.unlock();
        }
        tryReport();
    }

    /** The receive counts of UDP stream {@code stream}, made on first use; empty if out of range. */
    UdpReceiveStats udpIn(int stream) {
        lock.lock();
        try {
            if (closed || stream < 0 || stream >= streamLimit()) {
                return null;
            }
            return udpIn.computeIfAbsent(stream, s -> new UdpReceiveStats());
        } finally {
            lock.unlock();
        }
    }

    /** A client asked for reverse UDP stream {@code stream} to {@code to}: starts its sender thread once. */
    void startUdpSource(int stream, InetSockAddr to) {
        UdpSender sender;
        DatagramChannel channel;
        lock.lock();
        try {
            if (closed || stream < 0 || stream >= streamLimit() || udpOut.containsKey(stream)) {
                return;
            }
            try {
                channel = DatagramChannel.open();
                channel.connect(to.toInetSocketAddress());
            } catch (IOException e) {
                log.accept("session " + Long.toHexString(cookie) + ": udp stream " + stream + ": " + e.getMessage());
                return;
            }
            long perStream = spec.rate() / Math.max(1, spec.reverseStreams());
            sender = new UdpSender(channel, cookie, stream, spec.length(), perStream);
            udpOut.put(stream, sender);
            marks.put(stream, 0L);
        } finally {
            lock.unlock();
        }
        long until = System.nanoTime() + spec.warmup().toNanos() + spec.duration().toNanos();
        Thread t = Thread.ofPlatform().daemon().name("bench-udp-source-" + stream).start(() -> {
            try (channel) {
                sender.run(until, this::isStopping);
            } catch (IOException e) {
                // The client went away (port unreachable) or the session closed the channel: the stream ends.
            }
        });
        t.setUncaughtExceptionHandler((th, e) -> log.accept("session " + Long.toHexString(cookie) + ": " + e));
    }

    private boolean isStopping() {
        lock.lock();
        try {
            return closed || clientSent != null;
        } finally {
            lock.unlock();
        }
    }

    /** {@code MARK}: the warm-up is over; counts start again from here. */
    void mark() {
        lock.lock();
        try {
            streams.forEach((s, c) -> marks.put(s, roles.get(s) == ControlProtocol.Role.SOURCE ? c.bytesWritten() : c.bytesRead()));
            udpIn.forEach((s, u) -> marks.put(s, u.received()));
            udpOut.forEach((s, u) -> marks.put(s, u.sent()));
        } finally {
            lock.unlock();
        }
    }

    /** {@code END}: the client stopped. The result follows once sinks are drained. */
    void end(List<Long> sent) {
        lock.lock();
        try {
            clientSent = List.copyOf(sent);
            endAt = System.nanoTime();
        } finally {
            lock.unlock();
        }
        tryReport();
    }

    private void tryReport() {
        String result;
        lock.lock();
        try {
            if (reported || closed || clientSent == null) {
                return;
            }
            long waited = System.nanoTime() - endAt;
            if (openSinks > 0 && waited < SINK_DRAIN_NANOS || !udpQuiet() && waited < SINK_DRAIN_NANOS) {
                scheduler.schedule(this::tryReport, 20, TimeUnit.MILLISECONDS);
                return;
            }
            reported = true;
            ServerReport r = report();
            result = ControlProtocol.result(r);
            log.accept("session " + Long.toHexString(cookie) + " result: " + describe(r));
        } finally {
            lock.unlock();
        }
        control.write(ByteBuffer.wrap((result + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    private boolean udpQuiet() {
        if (udpIn.isEmpty()) {
            return true;
        }
        long now = System.nanoTime();
        boolean changed = false;
        for (Map.Entry<Integer, UdpReceiveStats> e : udpIn.entrySet()) {
            Long before = lastUdpCounts.put(e.getKey(), e.getValue().received());
            changed |= before == null || before != e.getValue().received();
        }
        if (changed) {
            lastUdpChange = now;
        }
        return now - lastUdpChange >= UDP_QUIET_NANOS;
    }

    private String describe(ServerReport r) {
        return switch (spec.mode()) {
            case THROUGHPUT -> Units.bytes(ServerReport.sum(r.bytes())) + " in " + r.bytes().size() + (r.bytes().size() == 1 ? " stream" : " streams")
                    + (spec.protocol() == TestSpec.Protocol.UDP ? ", " + ServerReport.sum(r.datagrams()) + " datagrams, "
                            + ServerReport.sum(r.lost()) + " lost, " + ServerReport.sum(r.outOfOrder()) + " out of order" : "");
            case CONNS -> r.held() + " connections held";
            default -> "done";
        };
    }

    private ServerReport report() {
        int n = spec.mode() == TestSpec.Mode.THROUGHPUT ? streamLimit() : 0;
        List<Long> bytes = new ArrayList<>();
        List<Long> datagrams = new ArrayList<>();
        List<Long> lost = new ArrayList<>();
        List<Long> ooo = new ArrayList<>();
        List<Long> jitter = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            long mark = marks.getOrDefault(s, 0L);
            Connection c = streams.get(s);
            UdpReceiveStats in = udpIn.get(s);
            UdpSender out = udpOut.get(s);
            if (c != null) {
                long now = roles.get(s) == ControlProtocol.Role.SOURCE ? c.bytesWritten() : c.bytesRead();
                bytes.add(now - mark);
                datagrams.add(0L);
            } else if (in != null) {
                long got = in.received() - mark;
                datagrams.add(got);
                bytes.add(got * spec.length());
            } else if (out != null) {
                long sent = out.sent() - mark;
                datagrams.add(sent);
                bytes.add(sent * spec.length());
            } else {
                bytes.add(0L);
                datagrams.add(0L);
            }
            long sentByClient = s < clientSent.size() ? clientSent.get(s) : 0;
            lost.add(in == null ? 0 : in.lost(sentByClient));
            ooo.add(in == null ? 0 : in.outOfOrder());
            jitter.add(in == null ? 0 : in.jitterNanos());
        }
        return new ServerReport(bytes, datagrams, lost, ooo, jitter, held);
    }

    /** The control connection closed: closes every data connection and stops the UDP senders. */
    void close() {
        List<Connection> open;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            open = List.copyOf(streams.values());
            if (deadline != null) {
                deadline.cancel(false);
            }
        } finally {
            lock.unlock();
        }
        open.forEach(Connection::abort);
    }
}
