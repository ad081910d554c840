package dev.sockit.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Latency: {@code -c} connections doing ping-pong of {@code -l} bytes, {@code --depth} in
 * flight each, multiplexed on {@code -P} selector-loop threads; as fast as the answers come
 * back, or at a fixed total {@code --rate}. A round trip's latency is measured from the time
 * its message was due (at a fixed rate: its place in the schedule, so a stalled server is not
 * hidden by fewer sends), to the arrival of its last echoed byte.
 *
 * <p>Works with any echo server: the message content is not looked at over TCP (bytes are
 * counted), and over UDP each datagram carries its own sequence number and due time
 * ({@link Datagrams}), which an echo returns unchanged. A UDP probe with no answer within
 * {@value #UDP_TIMEOUT_MS} ms is counted lost and replaced.
 *
 * <p>Design note. Each loop thread owns its selector, connections and {@link Histogram}; only
 * its round-trip count is shared (a volatile it alone writes). Histograms are merged after
 * the threads end.
 */
final class LatencyTest implements Measurement {
    static final long UDP_TIMEOUT_MS = 200;
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SPIN_BELOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * Messages a connection may have due and unanswered at a fixed rate (as fast as possible it
     * is {@code --depth}); a send due beyond that is skipped, so a stalled server costs bounded
     * memory: 2 KiB per connection.
     */
    private static final int PACED_OUTSTANDING = 256;

    private final InetSocketAddress server;
    private final TestSpec spec;
    private final long cookie;
    private final boolean echoPeer;
    private final List<Loop> loops = new ArrayList<>();
    private final TrafficThreads threads = new TrafficThreads();

    LatencyTest(InetSocketAddress server, TestSpec spec, long cookie, boolean echoPeer) {
        this.server = server;
        this.spec = spec;
        this.cookie = cookie;
        this.echoPeer = echoPeer;
        int n = Math.min(spec.streams(), spec.connections());
        for (int i = 0; i < n; i++) {
            loops.add(new Loop(i));
        }
    }

    @Override
    public void open() throws IOException {
        for (int i = 0; i < spec.connections(); i++) {
            Loop loop = loops.get(i % loops.size());
            loop.conns.add(spec.protocol() == TestSpec.Protocol.TCP ? openTcp(loop, i) : openUdp(loop, i));
        }
        for (Loop loop : loops) {
            loop.selector = Selector.open();
            for (Conn c : loop.conns) {
                c.key = ((java.nio.channels.SelectableChannel) c.channel).register(loop.selector, SelectionKey.OP_READ, c);
            }
        }
    }

    private Conn openTcp(Loop loop, int id) throws IOException {
        String hello = echoPeer ? null : ControlProtocol.data(cookie, id, ControlProtocol.Role.ECHO);
        SocketChannel ch = DataConnections.open(server, hello, true);
        ch.configureBlocking(false);
        return new Conn(loop, id, ch, false);
    }

    private Conn openUdp(Loop loop, int id) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.connect(server);
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            throw NetErrors.wrap("connect", server.toString(), e);
        }
        return new Conn(loop, id, ch, true);
    }

    @Override
    public List<String> labels() {
        return loops.stream().map(l -> "loop-" + l.id).toList();
    }

    @Override
    public String unit() {
        return "round_trips";
    }

    @Override
    public void start(long measureFrom, long end) {
        for (Loop loop : loops) {
            threads.start("bench-latency-" + loop.id, () -> loop.run(measureFrom, end));
        }
    }

    @Override
    public long[] sample() {
        return loops.stream().mapToLong(l -> l.roundTrips).toArray();
    }

    @Override
    public boolean failed() {
        return threads.failed();
    }

    @Override
    public void await(Duration timeout) throws IOException, InterruptedException {
        threads.await(timeout.plusNanos(DRAIN_NANOS));
    }

    @Override
    public Summary summary(long[] baseline, ServerReport report) {
        Histogram all = new Histogram();
        long lost = 0;
        long trips = 0;
        for (Loop l : loops) {
            all.add(l.histogram);
            lost += l.lost;
        }
        long[] now = sample();
        for (int i = 0; i < now.length; i++) {
            trips += now[i] - baseline[i];
        }
        return new Summary.Latency(trips, lost, all.percentiles(), all.bins(48));
    }

    @Override
    public void close() {
        threads.stopping();
        for (Loop l : loops) {
            l.conns.forEach(c -> DataConnections.closeQuietly(c.channel));
            DataConnections.closeQuietly(l.selector);
        }
    }

    /** One selector thread and its connections. */
    private final class Loop {
        final int id;
        final List<Conn> conns = new ArrayList<>();
        final Histogram histogram = new Histogram();
        /** One read buffer for every connection of the loop: what is read is counted (TCP) or looked at (UDP) at once. */
        final ByteBuffer readBuffer = ByteBuffer.allocateDirect(Math.max(spec.length(), 64 * 1024));
        Selector selector;
        long lost;
        volatile long roundTrips;
        private long trips;
        private long measureFrom;
        private long end;
        private int next;

        Loop(int id) {
            this.id = id;
        }

        void run(long measureFrom, long end) throws IOException {
            this.measureFrom = measureFrom;
            this.end = end;
            boolean paced = spec.rate() > 0;
            long interval = paced ? Math.max(1, (long) (1e9 * spec.connections() / ((double) spec.rate() * conns.size()))) : 0;
            long due = System.nanoTime();
            if (!paced) {
                for (Conn c : conns) {
                    for (int d = 0; d < spec.depth(); d++) {
                        c.queue(due);
                    }
                }
            }
            long lastCheck = due;
            while (true) {
                long now = System.nanoTime();
                if (now - end >= 0 && (outstanding() == 0 || now - end >= DRAIN_NANOS)) {
                    return;
                }
                if (paced) {
                    while (now - due >= 0 && due - end < 0) {
                        conns.get(next).queue(due);
                        next = (next + 1) % conns.size();
                        due += interval;
                    }
                }
                long wait = paced && due - end < 0 ? due - now : end - now;
                if (wait < SPIN_BELOW_NANOS) {
                    selector.selectNow();
                } else {
                    selector.select(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(wait), UDP_TIMEOUT_MS / 4)));
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    Conn c = (Conn) k.attachment();
                    if (k.isReadable()) {
                        c.read(!paced);
                    }
                    if (k.isValid() && k.isWritable()) {
                        c.flush();
                    }
                }
                selector.selectedKeys().clear();
                if (now - lastCheck > TimeUnit.MILLISECONDS.toNanos(UDP_TIMEOUT_MS / 4)) {
                    lastCheck = now;
                    for (Conn c : conns) {
                        c.expire(now, !paced);
                    }
                }
            }
        }

        private long outstanding() {
            long n = 0;
            for (Conn c : conns) {
                n += c.outstanding();
            }
            return n;
        }

        private void completed(long due, long now) {
            if (due - measureFrom >= 0) {
                histogram.record(now - due);
            }
            roundTrips = ++trips;
        }
    }

    /** One connection (TCP) or connected socket (UDP) of this loop. */
    private final class Conn {
        final Loop loop;
        final int id;
        final ByteChannel channel;
        final boolean udp;
        final ByteBuffer out;
        final ByteBuffer in;
        final long[] dues;
        SelectionKey key;
        long head;
        long tail;
        long pending;
        long received;
        long seq;
        long validFrom;
        long lastAnswer;

        Conn(Loop loop, int id, ByteChannel channel, boolean udp) {
            this.loop = loop;
            this.id = id;
            this.channel = channel;
            this.udp = udp;
            this.out = ByteBuffer.allocateDirect(spec.length());
            this.in = loop.readBuffer;
            this.dues = new long[spec.rate() > 0 ? Math.max(spec.depth(), PACED_OUTSTANDING) : spec.depth()];
            if (udp) {
                Datagrams.header(out, cookie, id, Datagrams.ECHO);
            }
            out.position(out.limit());
        }

        long outstanding() {
            return tail - head;
        }

        /** A message is due at {@code due}: sends it now if nothing is ahead of it. */
        void queue(long due) throws IOException {
            if (tail - head >= dues.length) {
                return;
            }
            if (lastAnswer == 0) {
                lastAnswer = due;
            }
            dues[(int) (tail++ % dues.length)] = due;
            pending++;
            flush();
        }

        void flush() throws IOException {
            while (pending > 0) {
                if (!out.hasRemaining()) {
                    out.clear();
                    if (udp) {
                        Datagrams.stamp(out, seq++, dues[(int) ((tail - pending) % dues.length)]);
                    }
                }
                channel.write(out);
                if (out.hasRemaining() && !udp) {
                    key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                    return;
                }
                out.position(out.limit());
                pending--;
            }
            if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
                key.interestOps(SelectionKey.OP_READ);
            }
        }

        void read(boolean again) throws IOException {
            if (udp) {
                readUdp(again);
                return;
            }
            long now;
            int n;
            while ((n = channel.read(in.clear())) > 0) {
                now = System.nanoTime();
                received += n;
                while (received >= spec.length() && tail > head) {
                    received -= spec.length();
                    answered(dues[(int) (head++ % dues.length)], now, again);
                }
                if (n < in.capacity()) {
                    return; // Drained (a short read): the next readiness brings more, without a read that finds nothing.
                }
            }
            if (n < 0) {
                throw new IOException("the server closed connection " + id + " (" + server + ")");
            }
        }

        private void readUdp(boolean again) throws IOException {
            long now;
            while (channel.read(in.clear()) > 0) {
                now = System.nanoTime();
                in.flip();
                if (in.remaining() < Datagrams.HEADER || Datagrams.seq(in) < validFrom || tail == head) {
                    continue;
                }
                head++;
                answered(Datagrams.nanos(in), now, again);
            }
        }

        private void answered(long due, long now, boolean again) throws IOException {
            lastAnswer = now;
            loop.completed(due, now);
            if (again && now - loop.end < 0) {
                queue(now);
            }
        }

        /** UDP: probes unanswered for the timeout are lost; as many new ones replace them. */
        void expire(long now, boolean again) throws IOException {
            long missing = tail - head - pending;
            if (!udp || missing <= 0 || now - lastAnswer < TimeUnit.MILLISECONDS.toNanos(UDP_TIMEOUT_MS)) {
                return;
            }
            loop.lost += missing;
            head += missing;
            validFrom = seq;
            lastAnswer = now;
            if (again && now - loop.end < 0) {
                for (long i = 0; i < missing; i++) {
                    queue(now);
                }
            }
        }
    }
}
