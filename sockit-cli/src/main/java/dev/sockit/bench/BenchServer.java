package dev.sockit.bench;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.server.Connection;
import dev.sockit.server.DatagramHandler;
import dev.sockit.server.Peer;
import dev.sockit.server.ServerConfig;
import dev.sockit.server.TcpServer;
import dev.sockit.server.UdpServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The server side of {@code sockit bench}: a {@link TcpServer} and a {@link UdpServer} on the
 * same port, serving any number of test sessions at once up to {@link Config#maxSessions()},
 * each for at most {@link Config#maxSessionTime()}.
 *
 * <p>Design note. Sessions are found by their cookie in a concurrent map; each
 * {@link ServerSession} guards its own state. One scheduler thread enforces deadlines and
 * waits for receivers to drain. Handlers run on the engines' loop threads and never block;
 * reverse UDP streams each get a sender thread, ended by the session.
 */
public final class BenchServer implements AutoCloseable {
    /**
     * How the server runs.
     * @param bind where to listen (TCP and UDP, same port; port 0: the kernel picks)
     * @param maxSessions tests served at once at most; a further client is answered {@code ERR busy}
     * @param maxSessionTime the longest test (warm-up included) a client may ask for
     * @param maxConnections TCP connections open at most (control, data and held ones)
     * @param eventLoops TCP event-loop threads
     */
    public record Config(InetSockAddr bind, int maxSessions, Duration maxSessionTime, int maxConnections, int eventLoops) {
    }

    private static final Duration SESSION_SLACK = Duration.ofSeconds(10);

    private final Config config;
    private final Consumer<String> log;
    private final Map<Long, ServerSession> sessions = new ConcurrentHashMap<>();
    /** Makes the session cap's check and the insertion one step (loops may open sessions at once). */
    private final ReentrantLock sessionsLock = new ReentrantLock();
    private final ScheduledExecutorService scheduler;
    private final TcpServer tcp;
    private final UdpServer udp;

    private BenchServer(Config config, Consumer<String> log) throws IOException {
        this.config = config;
        this.log = log;
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().daemon().name("bench-scheduler").unstarted(r));
        s.setRemoveOnCancelPolicy(true);
        this.scheduler = s;
        ServerConfig tcpConfig = ServerConfig.builder().bind(config.bind())
                .eventLoops(config.eventLoops())
                .maxConnections(config.maxConnections())
                .readBufferSize(256 * 1024)
                .build();
        TcpServer t = null;
        try {
            t = TcpServer.start(tcpConfig, () -> new BenchConnectionHandler(this));
            ServerConfig udpConfig = ServerConfig.builder().bind(t.localAddress())
                    .idleTimeout(Duration.ofSeconds(30))
                    .maxPeers(4096)
                    .build();
            this.udp = UdpServer.start(udpConfig, UdpHandler::new);
        } catch (IOException | RuntimeException e) {
            if (t != null) {
                t.close();
            }
            scheduler.shutdownNow();
            throw e;
        }
        this.tcp = t;
    }

    /**
     * Binds TCP and UDP on {@code config.bind()} and starts serving; {@code log} hears a line
     * per session begun and ended (from loop threads: it must not block for long).
     * @throws IOException if either cannot bind (nothing is left open then)
     */
    public static BenchServer start(Config config, Consumer<String> log) throws IOException {
        return new BenchServer(config, log);
    }

    /** The address served (port resolved). */
    public InetSockAddr localAddress() {
        return tcp.localAddress();
    }

    /** Sessions running now. */
    public int sessions() {
        return sessions.size();
    }

    ServerSession session(long cookie) {
        return sessions.get(cookie);
    }

    /** A control connection said hello: a new session, or {@link IllegalArgumentException} saying why not. */
    ServerSession open(Connection c, ControlProtocol.Hello hello) {
        Duration asked = hello.spec().duration().plus(hello.spec().warmup());
        if (asked.compareTo(config.maxSessionTime()) > 0) {
            throw new IllegalArgumentException("test too long: " + asked.toMillis() + " ms (this server allows " + config.maxSessionTime().toMillis() + " ms)");
        }
        ServerSession s = new ServerSession(hello.cookie(), hello.spec(), c, scheduler, log);
        sessionsLock.lock();
        try {
            if (sessions.size() >= config.maxSessions()) {
                throw new IllegalArgumentException("busy: " + config.maxSessions() + " sessions running");
            }
            if (sessions.putIfAbsent(hello.cookie(), s) != null) {
                throw new IllegalArgumentException("cookie in use");
            }
        } finally {
            sessionsLock.unlock();
        }
        s.closeAfter(asked.plus(SESSION_SLACK).toNanos());
        c.write(ByteBuffer.wrap("OK\n".getBytes(StandardCharsets.US_ASCII)));
        TestSpec t = hello.spec();
        log.accept("session " + Long.toHexString(hello.cookie()) + " from " + c.remoteAddress() + ": " + t.modeName() + " " + t.protocolName()
                + (t.mode() == TestSpec.Mode.THROUGHPUT ? " " + t.directionName() + " streams " + t.streams() : " connections " + t.connections())
                + " length " + t.length() + " for " + t.duration().toMillis() + " ms");
        return s;
    }

    void closed(ServerSession s) {
        if (sessions.remove(s.cookie(), s)) {
            s.close();
            log.accept("session " + Long.toHexString(s.cookie()) + " ended");
        }
    }

    /** Stops both servers and the scheduler, closing every session; blocks at most about 10 s. */
    @Override
    public void close() {
        tcp.close();
        udp.close();
        scheduler.shutdownNow();
    }

    /** Blocks until both servers terminated or {@code timeout} passed; returns whether they did. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return tcp.awaitTermination(timeout) && udp.awaitTermination(timeout);
    }

    private final class UdpHandler implements DatagramHandler {
        private ServerSession session;
        private UdpReceiveStats stats;
        private int stream = -1;

        @Override
        public void onDatagram(Peer peer, ByteBuffer data) {
            if (data.remaining() < Datagrams.HEADER) {
                return;
            }
            if (session == null || session.cookie() != Datagrams.cookie(data)) {
                session = sessions.get(Datagrams.cookie(data));
                stats = null;
                stream = -1;
                if (session == null) {
                    return;
                }
            }
            switch (Datagrams.kind(data)) {
                case Datagrams.DATA -> {
                    int s = Datagrams.stream(data);
                    if (s != stream) {
                        stats = session.udpIn(s);
                        stream = s;
                    }
                    if (stats != null) {
                        stats.record(Datagrams.seq(data), Datagrams.nanos(data), System.nanoTime(), data.remaining());
                    }
                }
                case Datagrams.ECHO -> peer.send(data);
                case Datagrams.HELLO -> session.startUdpSource(Datagrams.stream(data), peer.remoteAddress());
                default -> {
                }
            }
        }
    }
}
