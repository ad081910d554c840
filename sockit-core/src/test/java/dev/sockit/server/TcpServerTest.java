package dev.sockit.server;

import static dev.sockit.server.ServerFixtures.PATIENCE;
import static dev.sockit.server.ServerFixtures.connect;
import static dev.sockit.server.ServerFixtures.drainToEof;
import static dev.sockit.server.ServerFixtures.loopback;
import static dev.sockit.server.ServerFixtures.readN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sockit.server.ServerFixtures.Recording;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpServerTest {

    @ParameterizedTest(name = "{0} loops")
    @ValueSource(ints = {1, 2, 3})
    void echo_manyConcurrentClients_eachGetsItsOwnBytesBack(int loops) throws Exception {
        try (TcpServer server = TcpServer.start(loopback().eventLoops(loops).build(), Handlers.echo());
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int id = i;
                done.add(clients.submit(() -> {
                    Random random = new Random(id);
                    try (Socket s = connect(server)) {
                        for (int round = 0; round < 20; round++) {
                            byte[] msg = new byte[1 + random.nextInt(id % 4 == 0 ? 200_000 : 2_000)];
                            random.nextBytes(msg);
                            // Write from another thread: a big message does not fit the buffers
                            // of both sides, so writing it all before reading would deadlock.
                            Thread writer = Thread.ofVirtual().start(() -> {
                                try {
                                    s.getOutputStream().write(msg);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            });
                            assertThat(readN(s, msg.length)).isEqualTo(msg);
                            writer.join();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(PATIENCE.toSeconds() * 3, TimeUnit.SECONDS);
            }
            assertThat(server.stats().accepted()).isEqualTo(64);
        }
    }

    @Test
    void write_peerSendsAndNeverReads_queuedBytesStayUnderHighWatermarkPlusOneRead() throws Exception {
        int low = 8 * 1024;
        int high = 16 * 1024;
        int readBuffer = 4 * 1024;
        AtomicLong maxQueued = new AtomicLong();
        CountDownLatch unwritable = new CountDownLatch(1);
        Supplier<ConnectionHandler> measuringEcho = () -> new ConnectionHandler() {
            @Override
            public void onData(Connection c, ByteBuffer data) {
                c.write(data);
                maxQueued.accumulateAndGet(c.queuedBytes(), Math::max);
            }

            @Override
            public void onWritabilityChanged(Connection c, boolean writable) {
                ConnectionHandler.super.onWritabilityChanged(c, writable);
                if (!writable) {
                    unwritable.countDown();
                }
            }
        };
        ServerConfig config = loopback().writeWatermarks(low, high).readBufferSize(readBuffer).build();
        try (TcpServer server = TcpServer.start(config, measuringEcho); Socket s = connect(server)) {
            int total = 16 << 20;
            byte[] chunk = new byte[64 * 1024];
            new Random(1).nextBytes(chunk);
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = s.getOutputStream();
                    for (int sent = 0; sent < total; sent += chunk.length) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // The client reads nothing until the server has stopped reading from it.
            assertThat(unwritable.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(maxQueued.get()).isLessThanOrEqualTo(high + readBuffer);

            byte[] got = readN(s, total);
            writer.join(PATIENCE);
            for (int off = 0; off < total; off += chunk.length) {
                assertThat(Arrays.equals(got, off, off + chunk.length, chunk, 0, chunk.length))
                        .as("echoed chunk at %d", off).isTrue();
            }
            assertThat(maxQueued.get()).isLessThanOrEqualTo(high + readBuffer);
        }
    }

    @Test
    void write_handlerIgnoresWritability_connectionClosedAtQueueLimit() throws Exception {
        Recording flood = new Recording();
        flood.onOpen = c -> {
            ByteBuffer mib = ByteBuffer.allocate(1 << 20);
            for (int i = 0; i < 64 && c.isOpen(); i++) {
                c.write(mib.clear());
            }
        };
        ServerConfig config = loopback().writeWatermarks(1024, 64 * 1024).writeQueueLimit(256 * 1024).build();
        try (TcpServer server = TcpServer.start(config, flood); Socket s = connect(server)) {
            assertThat(s.isConnected()).isTrue(); // and never reads
            ServerFixtures.Event closed = flood.next("close");
            assertThat(closed.cause().reason()).isEqualTo(CloseCause.Reason.WRITE_OVERFLOW);
            assertThat(closed.connection().queuedBytes()).isZero();
        }
    }

    @Test
    void idleTimeout_oneClientIdleOneBusy_onlyTheIdleOneIsClosed() throws Exception {
        Recording rec = new Recording();
        ServerConfig config = loopback().idleTimeout(Duration.ofMillis(300)).build();
        try (TcpServer server = TcpServer.start(config, rec);
             Socket idle = connect(server); Socket busy = connect(server)) {
            rec.next("open");
            rec.next("open");
            CountDownLatch idleClosed = new CountDownLatch(1);
            Thread watcher = Thread.ofVirtual().start(() -> {
                try {
                    if (idle.getInputStream().read() < 0) {
                        idleClosed.countDown();
                    }
                } catch (IOException e) {
                    // Fails the await below.
                }
            });
            byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
            // Ping-pong on the busy connection until the idle one is closed (bounded by @Timeout).
            while (idleClosed.getCount() > 0) {
                busy.getOutputStream().write(ping);
                assertThat(readN(busy, ping.length)).isEqualTo(ping);
            }
            watcher.join(PATIENCE);
            busy.getOutputStream().write(ping);
            assertThat(readN(busy, ping.length)).isEqualTo(ping);
            ServerFixtures.Event closed = rec.next("close");
            assertThat(closed.cause().reason()).isEqualTo(CloseCause.Reason.IDLE_TIMEOUT);
            assertThat(server.stats().idleClosed()).isEqualTo(1);
            assertThat(server.stats().open()).isEqualTo(1);
        }
    }

    @Test
    void maxConnections_overTheLimit_acceptedAndClosedAndCounted() throws Exception {
        Recording rec = new Recording();
        try (TcpServer server = TcpServer.start(loopback().maxConnections(2).build(), rec);
             Socket a = connect(server); Socket b = connect(server)) {
            rec.next("open");
            rec.next("open");
            try (Socket over = connect(server)) {
                assertThat(over.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(server.stats().rejected()).isEqualTo(1);
            assertThat(server.stats().open()).isEqualTo(2);
            b.getOutputStream().write(5);
            assertThat(b.getInputStream().read()).isEqualTo(5);
            a.shutdownOutput();
            rec.next("close");
            try (Socket again = connect(server)) {
                again.getOutputStream().write(7);
                assertThat(again.getInputStream().read()).isEqualTo(7);
            }
            assertThat(server.stats().accepted()).isEqualTo(3);
        }
    }

    @Test
    void permits_everyWayAConnectionEnds_givesItsPermitBack() throws Exception {
        int max = 3;
        Recording rec = new Recording();
        java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();
        rec.onOpen = c -> {
            if (opens.incrementAndGet() == 2) {
                throw new IllegalStateException("handler failure on purpose");
            }
        };
        TcpServer server = TcpServer.start(loopback().maxConnections(max).build(), rec);
        try {
            // 1. An orderly close by the peer.
            try (Socket s = connect(server)) {
                s.getOutputStream().write(1);
                assertThat(s.getInputStream().read()).isEqualTo(1);
            }
            assertThat(rec.next("close").cause().reason()).isEqualTo(CloseCause.Reason.PEER_CLOSED);
            // 2. A handler that throws.
            try (Socket s = connect(server)) {
                assertThat(s.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(rec.next("close").cause().reason()).isEqualTo(CloseCause.Reason.HANDLER_FAILED);
            // 3. A reset by the peer (SO_LINGER 0).
            Socket reset = connect(server);
            reset.getOutputStream().write(1);
            assertThat(reset.getInputStream().read()).isEqualTo(1);
            reset.setSoLinger(true, 0);
            reset.close();
            assertThat(rec.next("close").cause().reason()).isIn(CloseCause.Reason.IO_ERROR, CloseCause.Reason.PEER_CLOSED);
            assertThat(server.availablePermits()).isEqualTo(max);
            // 4. Over the limit, then stop with connections open.
            List<Socket> open = new ArrayList<>();
            for (int i = 0; i < max; i++) {
                open.add(connect(server));
                rec.next("open");
            }
            try (Socket over = connect(server)) {
                assertThat(over.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(server.availablePermits()).isZero();
            server.stop(Duration.ZERO);
            assertThat(server.awaitTermination(PATIENCE)).isTrue();
            assertThat(server.availablePermits()).isEqualTo(max);
            for (Socket s : open) {
                s.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void handlerThrows_onlyItsConnectionIsClosed() throws Exception {
        Supplier<ConnectionHandler> failOnBang = () -> (c, data) -> {
            if (data.get(data.position()) == '!') {
                throw new IllegalArgumentException("bang");
            }
            c.write(data);
        };
        try (TcpServer server = TcpServer.start(loopback().build(), failOnBang);
             Socket good = connect(server); Socket bad = connect(server)) {
            bad.getOutputStream().write('!');
            assertThat(bad.getInputStream().read()).isEqualTo(-1);
            good.getOutputStream().write('x');
            assertThat(good.getInputStream().read()).isEqualTo('x');
            assertThat(server.stats().failed()).isEqualTo(1);
            assertThat(server.state()).isEqualTo(ServerState.RUNNING);
        }
    }

    @Test
    void stop_connectionHasQueuedBytes_drainsThemThenTerminates() throws Exception {
        try (TcpServer server = TcpServer.start(loopback().build(), Handlers.chargen()); Socket s = connect(server)) {
            byte[] first = readN(s, 1000);
            server.stop(PATIENCE);
            assertThat(server.state()).isIn(ServerState.SHUTDOWN, ServerState.TERMINATED);
            long rest = drainToEof(s);
            assertThat(rest).isPositive();
            assertThat(server.awaitTermination(PATIENCE)).isTrue();
            assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
            assertThat(first).isEqualTo(Arrays.copyOf(HandlersTest.chargenPattern(1000), 1000));
            assertThatThrownBy(() -> connect(server)).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void stop_handlerKeepsConnectionOpen_closedWhenGraceEnds() throws Exception {
        Recording rec = new Recording();
        rec.stopDefault = false;
        try (TcpServer server = TcpServer.start(loopback().build(), rec); Socket s = connect(server)) {
            rec.next("open");
            server.stop(Duration.ofMillis(200));
            rec.next("stop");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(rec.next("close").cause().reason()).isEqualTo(CloseCause.Reason.SERVER_STOPPED);
            assertThat(server.awaitTermination(PATIENCE)).isTrue();
        }
    }

    @Test
    void stop_calledTwice_secondChangesNothing() throws Exception {
        TcpServer server = TcpServer.start(loopback().build(), Handlers.discard());
        server.stop(Duration.ZERO);
        server.stop(Duration.ofDays(1));
        assertThat(server.awaitTermination(PATIENCE)).isTrue();
        assertThat(server.state()).isEqualTo(ServerState.TERMINATED);
    }

    @Test
    void write_fromAnotherThread_runsOnTheLoopInOrder() throws Exception {
        Recording rec = new Recording();
        rec.onOpen = c -> Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 100; i++) {
                c.write(ByteBuffer.wrap(new byte[] {(byte) i}));
            }
            c.close();
        });
        try (TcpServer server = TcpServer.start(loopback().build(), rec); Socket s = connect(server)) {
            byte[] got = s.getInputStream().readAllBytes();
            assertThat(got).hasSize(100);
            for (int i = 0; i < 100; i++) {
                assertThat(got[i]).isEqualTo((byte) i);
            }
        }
    }

    @Test
    void shutdownOutput_sendsFinAndKeepsReading() throws Exception {
        AtomicLong readAfterFin = new AtomicLong();
        CountDownLatch gotIt = new CountDownLatch(1);
        Supplier<ConnectionHandler> byeFirst = () -> new ConnectionHandler() {
            @Override
            public void onOpen(Connection c) {
                c.write(ByteBuffer.wrap("bye".getBytes(StandardCharsets.US_ASCII)));
                c.shutdownOutput();
            }

            @Override
            public void onData(Connection c, ByteBuffer data) {
                readAfterFin.addAndGet(data.remaining());
                data.position(data.limit());
                gotIt.countDown();
            }
        };
        try (TcpServer server = TcpServer.start(loopback().build(), byeFirst); Socket s = connect(server)) {
            assertThat(s.getInputStream().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("bye");
            s.getOutputStream().write(new byte[10]);
            assertThat(gotIt.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(readAfterFin.get()).isPositive();
        }
    }

    @Test
    void start_addressInUse_throwsAndLeavesNothingOpen() throws Exception {
        try (TcpServer first = TcpServer.start(loopback().build(), Handlers.echo())) {
            ServerConfig same = ServerConfig.builder().bind(first.localAddress()).build();
            assertThatThrownBy(() -> TcpServer.start(same, Handlers.echo())).isInstanceOf(java.net.BindException.class);
        }
    }

    @Test
    void config_badValues_rejectedWithRange() {
        assertThatThrownBy(() -> ServerConfig.builder().eventLoops(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("eventLoops: 0 (expected: 1-256)");
        assertThatThrownBy(() -> ServerConfig.builder().writeWatermarks(10, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("writeHighWatermark: 5 (expected: 10-2147483647)");
        assertThatThrownBy(() -> ServerConfig.builder().build())
                .isInstanceOf(IllegalStateException.class);
    }
}
