package dev.sockit.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throughput: {@code -P} streams, each on its own thread, sending (forward), receiving
 * (reverse) or both ({@code --bidir}: {@code -P} of each), over TCP or UDP.
 *
 * <p>The hot loops allocate nothing: each stream writes one direct buffer again and again, or
 * reads into one and counts (no copy beyond the kernel's). A stream's count is a volatile
 * written by its thread only.
 */
final class ThroughputTest implements Measurement {
    private static final long UDP_DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long HELLO_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int RECEIVE_BUFFER = 256 * 1024;

    private final InetSocketAddress server;
    private final TestSpec spec;
    private final long cookie;
    private final List<Stream> streams = new ArrayList<>();
    private final TrafficThreads threads = new TrafficThreads();

    private static final class Stream {
        final int id;
        final boolean send;
        SocketChannel tcp;
        DatagramChannel udp;
        UdpSender sender;
        final UdpReceiveStats in = new UdpReceiveStats();
        volatile long bytes;

        Stream(int id, boolean send) {
            this.id = id;
            this.send = send;
        }

        String label() {
            return (send ? "send" : "recv") + "-" + id;
        }
    }

    ThroughputTest(InetSocketAddress server, TestSpec spec, long cookie) {
        this.server = server;
        this.spec = spec;
        this.cookie = cookie;
        int f = spec.forwardStreams();
        for (int i = 0; i < f; i++) {
            streams.add(new Stream(i, true));
        }
        for (int i = 0; i < spec.reverseStreams(); i++) {
            streams.add(new Stream(f + i, false));
        }
    }

    @Override
    public void open() throws IOException {
        for (Stream s : streams) {
            if (spec.protocol() == TestSpec.Protocol.TCP) {
                ControlProtocol.Role role = s.send ? ControlProtocol.Role.SINK : ControlProtocol.Role.SOURCE;
                s.tcp = DataConnections.open(server, ControlProtocol.data(cookie, s.id, role), false);
            } else {
                s.udp = DatagramChannel.open();
                if (s.send) {
                    s.udp.connect(server);
                    s.sender = new UdpSender(s.udp, cookie, s.id, spec.length(), spec.rate() / Math.max(1, spec.forwardStreams()));
                } else {
                    s.udp.configureBlocking(false);
                }
            }
        }
    }

    @Override
    public List<String> labels() {
        return streams.stream().map(Stream::label).toList();
    }

    @Override
    public String unit() {
        return "bytes";
    }

    @Override
    public void start(long measureFrom, long end) {
        for (Stream s : streams) {
            TrafficThreads.Body body;
            if (s.tcp != null) {
                body = s.send ? () -> sendTcp(s, end) : () -> receiveTcp(s, end);
            } else {
                body = s.send ? () -> s.sender.run(end, () -> false) : () -> receiveUdp(s, end);
            }
            threads.start("bench-" + s.label(), body);
        }
    }

    private void sendTcp(Stream s, long end) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(spec.length());
        long n = 0;
        while (System.nanoTime() - end < 0) {
            b.clear();
            while (b.hasRemaining()) {
                n += s.tcp.write(b);
            }
            s.bytes = n;
        }
        s.tcp.shutdownOutput();
    }

    private void receiveTcp(Stream s, long end) throws IOException {
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(spec.length(), RECEIVE_BUFFER));
        long n = 0;
        int r;
        while (System.nanoTime() - end < 0 && (r = s.tcp.read(b)) >= 0) {
            n += r;
            s.bytes = n;
            b.clear();
        }
    }

    private void receiveUdp(Stream s, long end) throws IOException {
        ByteBuffer hello = ByteBuffer.allocate(Datagrams.HEADER);
        Datagrams.header(hello, cookie, s.id, Datagrams.HELLO);
        ByteBuffer b = ByteBuffer.allocateDirect(TestSpec.MAX_UDP_LENGTH);
        long lastHello = 0;
        try (Selector selector = Selector.open()) {
            s.udp.register(selector, SelectionKey.OP_READ);
            while (true) {
                long now = System.nanoTime();
                if (now - end - UDP_DRAIN_NANOS >= 0) {
                    return;
                }
                if (s.in.received() == 0 && now - lastHello >= HELLO_EVERY_NANOS && now - end < 0) {
                    hello.clear();
                    s.udp.send(hello, server);
                    lastHello = now;
                }
                selector.select(50);
                selector.selectedKeys().clear();
                while (s.udp.receive(b.clear()) != null) {
                    b.flip();
                    if (b.remaining() >= Datagrams.HEADER && Datagrams.cookie(b) == cookie) {
                        s.in.record(Datagrams.seq(b), Datagrams.nanos(b), System.nanoTime(), b.remaining());
                        s.bytes = s.in.bytes();
                    }
                }
            }
        }
    }

    @Override
    public long[] sample() {
        long[] v = new long[streams.size()];
        for (int i = 0; i < v.length; i++) {
            Stream s = streams.get(i);
            v[i] = s.sender != null ? s.sender.bytes() : s.bytes;
        }
        return v;
    }

    @Override
    public boolean failed() {
        return threads.failed();
    }

    @Override
    public void await(Duration timeout) throws IOException, InterruptedException {
        threads.await(timeout);
    }

    @Override
    public List<Long> sentDatagrams() {
        return streams.stream().map(s -> s.sender == null ? 0L : s.sender.sent()).toList();
    }

    @Override
    public Summary summary(long[] baseline, ServerReport report) {
        long[] now = sample();
        List<Summary.StreamTotals> totals = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            Stream s = streams.get(i);
            long mine = now[i] - baseline[i];
            long theirs = report == null || s.id >= report.bytes().size() ? 0 : report.bytes().get(s.id);
            long theirDatagrams = report == null || s.id >= report.datagrams().size() ? 0 : report.datagrams().get(s.id);
            if (s.udp == null) {
                totals.add(s.send ? new Summary.StreamTotals(s.label(), true, mine, theirs, 0, 0, 0, 0, 0)
                        : new Summary.StreamTotals(s.label(), false, theirs, mine, 0, 0, 0, 0, 0));
            } else if (s.send) {
                totals.add(new Summary.StreamTotals(s.label(), true, mine, theirs, mine / spec.length(), theirDatagrams,
                        report == null ? 0 : report.lost().get(s.id), report == null ? 0 : report.outOfOrder().get(s.id),
                        report == null ? 0 : report.jitterNanos().get(s.id)));
            } else {
                long got = mine / spec.length();
                totals.add(new Summary.StreamTotals(s.label(), false, theirs, mine, theirDatagrams, got,
                        Math.max(0, theirDatagrams - got), s.in.outOfOrder(), s.in.jitterNanos()));
            }
        }
        return new Summary.Throughput(totals);
    }

    @Override
    public void close() {
        threads.stopping();
        for (Stream s : streams) {
            DataConnections.closeQuietly(s.tcp);
            DataConnections.closeQuietly(s.udp);
        }
    }
}
