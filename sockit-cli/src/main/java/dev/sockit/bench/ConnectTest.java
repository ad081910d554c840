package dev.sockit.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Connect: {@code -c} threads each connect, close and connect again until the end; counts
 * connections per second and the time each {@code connect} took (socket creation included).
 * Works against any TCP listener. A failed attempt is counted; when the very first attempt of
 * the run fails, the run fails with its error.
 *
 * <p>Each thread owns its {@link Histogram}; histograms are merged after the threads end.
 */
final class ConnectTest implements Measurement {
    static final int MAX_THREADS = 64;

    private final InetSocketAddress server;
    private final List<Connector> connectors = new ArrayList<>();
    private final TrafficThreads threads = new TrafficThreads();

    ConnectTest(InetSocketAddress server, TestSpec spec) {
        this.server = server;
        for (int i = 0; i < Math.min(spec.connections(), MAX_THREADS); i++) {
            connectors.add(new Connector(i));
        }
    }

    @Override
    public void open() {
    }

    @Override
    public List<String> labels() {
        return connectors.stream().map(c -> "connector-" + c.id).toList();
    }

    @Override
    public String unit() {
        return "connects";
    }

    @Override
    public void start(long measureFrom, long end) {
        for (Connector c : connectors) {
            threads.start("bench-connect-" + c.id, () -> c.run(measureFrom, end));
        }
    }

    @Override
    public long[] sample() {
        return connectors.stream().mapToLong(c -> c.connects).toArray();
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
    public Summary summary(long[] baseline, ServerReport report) {
        Histogram all = new Histogram();
        long failed = 0;
        long[] now = sample();
        long connects = 0;
        for (int i = 0; i < connectors.size(); i++) {
            all.add(connectors.get(i).histogram);
            failed += connectors.get(i).failed;
            connects += now[i] - baseline[i];
        }
        return new Summary.Connect(connects, failed, all.percentiles(), all.bins(48));
    }

    @Override
    public void close() {
        threads.stopping();
    }

    private final class Connector {
        final int id;
        final Histogram histogram = new Histogram();
        volatile long connects;
        volatile long failed;

        Connector(int id) {
            this.id = id;
        }

        void run(long measureFrom, long end) throws IOException {
            long n = 0;
            long now;
            while ((now = System.nanoTime()) - end < 0) {
                try (SocketChannel ch = SocketChannel.open()) {
                    ch.connect(server);
                    long took = System.nanoTime() - now;
                    if (now - measureFrom >= 0) {
                        histogram.record(took);
                    }
                    connects = ++n;
                } catch (IOException e) {
                    if (n == 0) {
                        throw NetErrors.wrap("connect", server.getAddress().getHostAddress() + ":" + server.getPort(), e);
                    }
                    failed++;
                }
            }
        }
    }
}
