package dev.sockit.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Conns: opens {@code -c} connections, holds them for the duration and counts how many stay
 * open: the client sees a connection the server dropped as end-of-file or a reset. Against a
 * {@link BenchServer} each connection says it is a hold connection, and the server reports how
 * many it still had. Opening stops at the first failure after at least one success (a file
 * limit, a full backlog); the first connection failing fails the run.
 *
 * <p>Only the thread that runs the test touches the connections: {@link #sample()} reads what
 * arrived on them with a non-blocking select, no traffic thread is needed.
 */
final class ConnsTest implements Measurement {
    private final InetSocketAddress server;
    private final TestSpec spec;
    private final long cookie;
    private final boolean echoPeer;
    private final List<SocketChannel> open = new ArrayList<>();
    private final ByteBuffer scratch = ByteBuffer.allocate(4096);
    private Selector selector;
    private int opened;
    private int alive;

    ConnsTest(InetSocketAddress server, TestSpec spec, long cookie, boolean echoPeer) {
        this.server = server;
        this.spec = spec;
        this.cookie = cookie;
        this.echoPeer = echoPeer;
    }

    @Override
    public void open() throws IOException {
        selector = Selector.open();
        for (int i = 0; i < spec.connections(); i++) {
            SocketChannel ch;
            try {
                ch = DataConnections.open(server, echoPeer ? null : ControlProtocol.data(cookie, i, ControlProtocol.Role.HOLD), false);
            } catch (IOException e) {
                if (i == 0) {
                    throw e;
                }
                break;
            }
            open.add(ch);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, ch);
        }
        opened = open.size();
        alive = opened;
    }

    @Override
    public List<String> labels() {
        return List.of("conns");
    }

    @Override
    public String unit() {
        return "open";
    }

    @Override
    public void start(long measureFrom, long end) {
    }

    @Override
    public long[] sample() {
        try {
            selector.selectNow();
        } catch (IOException e) {
            return new long[] {alive};
        }
        for (SelectionKey k : selector.selectedKeys()) {
            SocketChannel ch = (SocketChannel) k.attachment();
            if (!drainAlive(ch)) {
                k.cancel();
                DataConnections.closeQuietly(ch);
                alive--;
            }
        }
        selector.selectedKeys().clear();
        return new long[] {alive};
    }

    private boolean drainAlive(SocketChannel ch) {
        try {
            int n;
            while ((n = ch.read(scratch.clear())) > 0) {
                // An echo peer or a chatty server may send; only the end of the stream counts.
            }
            return n == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean failed() {
        return false;
    }

    @Override
    public void await(Duration timeout) {
    }

    @Override
    public Summary summary(long[] baseline, ServerReport report) {
        sample();
        return new Summary.Conns(spec.connections(), opened, alive, report == null ? -1 : report.held());
    }

    @Override
    public void close() {
        open.forEach(DataConnections::closeQuietly);
        DataConnections.closeQuietly(selector);
    }
}
