package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A multi-client TCP server on {@code java.nio} event loops: what every listening mode of
 * sockit runs on.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder().bind(InetSockAddr.parse("127.0.0.1:7")).build();
 * TcpServer server = TcpServer.start(config, Handlers.echo());
 * ...
 * server.stop(Duration.ofSeconds(5));
 * server.awaitTermination(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Design note. {@link ServerConfig#eventLoops()} threads each own a selector and the
 * connections registered on it (see {@link EventLoop}); loop 0 also owns the listeners. A
 * connection permit is taken before each {@code accept} and given back on every path (no
 * connection, registration failed, connection closed for any reason); with no permit left the
 * connection is accepted and closed at once, and counted. This class's own state is the
 * life-cycle ({@link #state}, guarded by {@link #lock}) and counters (atomics).
 *
 * <p>Stop is graceful: {@link #stop} closes the listeners ({@code RUNNING → SHUTDOWN}),
 * calls {@link ConnectionHandler#onStop} on each connection (by default: close once queued
 * bytes are written), and when the grace period ends closes what is still open. When the
 * last connection is closed and every loop has ended the state is {@code TERMINATED}.
 */
public final class TcpServer implements AutoCloseable {
    private final ServerConfig config;
    private final Supplier<? extends ConnectionHandler> handlers;
    private final EventLoop[] loops;
    private final List<InetSockAddr> localAddresses;
    private final Semaphore permits;
    private final CountDownLatch terminated;
    private final AtomicInteger liveLoops;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong idleClosed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ServerState state = ServerState.RUNNING; // written under lock
    private volatile boolean acceptClosed;
    private int nextLoop; // loop 0's thread only

    private TcpServer(ServerConfig config, Supplier<? extends ConnectionHandler> handlers) throws IOException {
        this.config = config;
        this.handlers = handlers;
        this.permits = new Semaphore(config.maxConnections());
        this.loops = new EventLoop[config.eventLoops()];
        this.terminated = new CountDownLatch(1);
        this.liveLoops = new AtomicInteger(loops.length);
        List<ServerSocketChannel> listeners = new ArrayList<>();
        List<InetSockAddr> addresses = new ArrayList<>();
        try {
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new EventLoop(this, config, i);
            }
            for (InetSockAddr address : config.bindAddresses()) {
                // An IPv4 address gets an AF_INET socket (the JDK's default is a dual-stack AF_INET6
                // one), so accepted connections are plain IPv4 sockets: the kernel skips the
                // inet6 layer on every read and write (measured: docs/benchmarks.md).
                InetSocketAddress sa = address.toInetSocketAddress();
                ServerSocketChannel l = ServerSocketChannel.open(
                        sa.getAddress() instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
                listeners.add(l);
                l.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                V6Only.apply(config, l, sa);
                l.bind(sa, config.backlog());
                l.configureBlocking(false);
                addresses.add(InetSockAddr.of((InetSocketAddress) l.getLocalAddress()));
                loops[0].addListener(l);
            }
            for (UnixSockAddr path : config.unixPaths()) {
                ServerSocketChannel l = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                listeners.add(l);
                l.bind(UnixDomainSocketAddress.of(path.path()), config.backlog());
                l.configureBlocking(false);
                loops[0].addListener(l);
            }
        } catch (IOException | RuntimeException e) {
            for (ServerSocketChannel l : listeners) {
                EventLoop.closeQuietly(l);
            }
            for (EventLoop loop : loops) {
                if (loop != null) {
                    loop.selector.close();
                }
            }
            throw e;
        }
        this.localAddresses = List.copyOf(addresses);
    }

    /**
     * Binds every address of {@code config} and starts the event loops. Blocks only to bind.
     *
     * @param handlers asked once per accepted connection, on its loop thread
     * @throws IOException if an address cannot be bound (nothing is left open then)
     */
    public static TcpServer start(ServerConfig config, Supplier<? extends ConnectionHandler> handlers)
            throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handlers, "handlers");
        TcpServer server = new TcpServer(config, handlers);
        for (EventLoop loop : server.loops) {
            loop.thread.start();
        }
        return server;
    }

    /** The IP addresses listened on, ports resolved (port 0 in the config becomes the kernel's pick); UNIX paths are {@link ServerConfig#unixPaths()}. */
    public List<InetSockAddr> localAddresses() {
        return localAddresses;
    }

    /**
     * The first of {@link #localAddresses()}.
     *
     * @throws IndexOutOfBoundsException if the server listens on UNIX paths only
     */
    public InetSockAddr localAddress() {
        return localAddresses.get(0);
    }

    /** The configuration this server runs with. */
    public ServerConfig config() {
        return config;
    }

    /** Where in its life the server is. */
    public ServerState state() {
        return state;
    }

    /** The counters now. */
    public ServerStats stats() {
        return new ServerStats(accepted.get(), rejected.get(), open.get(), idleClosed.get(), failed.get());
    }

    /**
     * Stops accepting at once and lets open connections finish for at most {@code grace}, then
     * closes them ({@link CloseCause.Reason#SERVER_STOPPED}). Does not block; idempotent (a
     * second call changes nothing). See {@link #awaitTermination}.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace: " + grace + " (expected: >= 0)");
        }
        lock.lock();
        try {
            if (state != ServerState.RUNNING) {
                return;
            }
            state = ServerState.SHUTDOWN;
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + Math.min(grace.toNanos(), Long.MAX_VALUE / 4);
        for (EventLoop loop : loops) {
            loop.execute(() -> loop.beginShutdown(deadline));
        }
    }

    /** Blocks until {@code TERMINATED} or {@code timeout}; returns whether terminated. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@code stop(Duration.ZERO)} and waits for termination (blocks, uninterruptibly at most 10 s). */
    @Override
    public void close() {
        stop(Duration.ZERO);
        Latches.awaitUninterruptibly(terminated, Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        return "TcpServer" + localAddresses + " " + state;
    }

    // For the loops.

    ConnectionHandler newHandler() {
        return Objects.requireNonNull(handlers.get(), "handler supplier returned null");
    }

    boolean tryAcquirePermit() {
        return permits.tryAcquire();
    }

    void releasePermit() {
        permits.release();
    }

    /** Permits free now (for tests: all given back once every connection is closed). */
    int availablePermits() {
        return permits.availablePermits();
    }

    void countAccepted() {
        accepted.incrementAndGet();
        open.incrementAndGet();
    }

    void countRejected() {
        rejected.incrementAndGet();
    }

    void connectionClosed(CloseCause cause) {
        open.decrementAndGet();
        permits.release();
        switch (cause.reason()) {
            case IDLE_TIMEOUT -> idleClosed.incrementAndGet();
            case HANDLER_FAILED -> failed.incrementAndGet();
            default -> { }
        }
    }

    /** Loop 0's thread. */
    EventLoop nextLoop() {
        if (loops.length == 1) {
            return loops[0];
        }
        EventLoop l = loops[nextLoop];
        nextLoop = (nextLoop + 1) % loops.length;
        return l;
    }

    boolean acceptClosed() {
        return acceptClosed;
    }

    /** Loop 0, after closing the listeners: the other loops may now end when empty. */
    void closedAccept() {
        acceptClosed = true;
        for (EventLoop loop : loops) {
            loop.execute(() -> { });
        }
    }

    void loopTerminated() {
        if (liveLoops.decrementAndGet() == 0) {
            lock.lock();
            try {
                state = ServerState.TERMINATED;
            } finally {
                lock.unlock();
            }
            terminated.countDown();
        }
    }
}
