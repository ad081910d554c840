package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A UDP server: one {@link DatagramChannel}, peers told apart by source address, each with its
 * own {@link DatagramHandler} and state, forgotten after {@link ServerConfig#idleTimeout()}
 * without a datagram, at most {@link ServerConfig#maxPeers()} at once (datagrams from further
 * addresses are dropped and counted until a peer expires).
 *
 * <p>Design note. One loop thread owns the channel, the selector, the receive buffer (reused
 * for every datagram) and the peer table, a {@link LinkedHashMap} in access order: its head
 * is the peer idle longest, so expiry looks at the head only. Other threads reach it through
 * {@link #execute}. The life-cycle ({@link #state}) is guarded by {@link #lock}; counters are
 * atomics.
 */
public final class UdpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.sockit.server");

    private final ServerConfig config;
    private final Supplier<? extends DatagramHandler> handlers;
    private final DatagramChannel channel;
    private final Selector selector;
    private final Thread thread;
    private final InetSockAddr localAddress;
    private final ByteBuffer receiveBuffer;
    private final long idleNanos;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong datagramsIn = new AtomicLong();
    private final AtomicLong datagramsOut = new AtomicLong();
    private final AtomicLong peerDrops = new AtomicLong();
    private final AtomicLong sendDrops = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private volatile int peerCount;
    private volatile ServerState state = ServerState.RUNNING; // written under lock

    // Loop thread only:
    private final LinkedHashMap<SocketAddress, UdpPeer> peers = new LinkedHashMap<>(64, 0.75f, true);
    private boolean stopping;
    private long now;

    private UdpServer(ServerConfig config, Supplier<? extends DatagramHandler> handlers) throws IOException {
        if (!config.unixPaths().isEmpty()) {
            throw new IllegalArgumentException("unixPaths: " + config.unixPaths() + " (expected: none for a UdpServer)");
        }
        if (config.bindAddresses().size() != 1) {
            throw new IllegalArgumentException("bindAddresses: " + config.bindAddresses().size()
                    + " (expected: 1 for a UdpServer)");
        }
        this.config = config;
        this.handlers = handlers;
        this.idleNanos = config.idleTimeout().toNanos();
        this.receiveBuffer = ByteBuffer.allocateDirect(config.maxDatagramSize());
        InetSocketAddress bind = config.bindAddresses().get(0).toInetSocketAddress();
        DatagramChannel ch = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
        Selector sel = null;
        try {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            V6Only.apply(config, ch, bind);
            ch.bind(bind);
            ch.configureBlocking(false);
            sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
            this.localAddress = InetSockAddr.of((InetSocketAddress) ch.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            EventLoop.closeQuietly(ch);
            if (sel != null) {
                sel.close();
            }
            throw e;
        }
        this.channel = ch;
        this.selector = sel;
        this.thread = new Thread(this::run, "sockit-udp-loop");
    }

    /**
     * Binds the one address of {@code config} and starts the loop. Blocks only to bind.
     *
     * @throws IllegalArgumentException if {@code config} has more than one bind address
     * @throws IOException if the address cannot be bound
     */
    public static UdpServer start(ServerConfig config, Supplier<? extends DatagramHandler> handlers)
            throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handlers, "handlers");
        UdpServer s = new UdpServer(config, handlers);
        s.thread.start();
        return s;
    }

    /** The bound address (port resolved). */
    public InetSockAddr localAddress() {
        return localAddress;
    }

    /** Where in its life the server is. */
    public ServerState state() {
        return state;
    }

    /** Peers with state now. */
    public int peerCount() {
        return peerCount;
    }

    /** Datagrams received. */
    public long datagramsReceived() {
        return datagramsIn.get();
    }

    /** Datagrams the kernel took for sending. */
    public long datagramsSent() {
        return datagramsOut.get();
    }

    /** Datagrams dropped because {@link ServerConfig#maxPeers()} peers had state. */
    public long peerDrops() {
        return peerDrops.get();
    }

    /** Datagrams dropped because the send buffer was full. */
    public long sendDrops() {
        return sendDrops.get();
    }

    /** Peers forgotten by the idle timeout. */
    public long expiredPeers() {
        return expired.get();
    }

    /** Stops: every peer is closed ({@link CloseCause.Reason#SERVER_STOPPED}), then the socket. Does not block. */
    public void stop() {
        lock.lock();
        try {
            if (state != ServerState.RUNNING) {
                return;
            }
            state = ServerState.SHUTDOWN;
        } finally {
            lock.unlock();
        }
        execute(() -> stopping = true);
    }

    /** Blocks until {@code TERMINATED} or {@code timeout}; returns whether terminated. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** {@link #stop()} and waits (at most 10 s, uninterruptibly) for termination. */
    @Override
    public void close() {
        stop();
        Latches.awaitUninterruptibly(terminated, Duration.ofSeconds(10));
    }

    private void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private void run() {
        try {
            while (!stopping) {
                try {
                    for (Runnable r; (r = tasks.poll()) != null; ) {
                        r.run();
                    }
                    now = System.nanoTime();
                    expire();
                    if (stopping) {
                        break;
                    }
                    wakeupPending.set(false);
                    if (!tasks.isEmpty()) {
                        selector.selectNow();
                    } else {
                        selector.select(selectTimeoutMillis());
                    }
                    selector.selectedKeys().clear();
                    now = System.nanoTime();
                    receive();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.ERROR, "udp loop: unexpected failure; going on", e);
                }
            }
        } finally {
            for (UdpPeer p : new ArrayList<>(peers.values())) {
                p.closeNow(CloseCause.STOPPED);
            }
            EventLoop.closeQuietly(channel);
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing selector", e);
            }
            lock.lock();
            try {
                state = ServerState.TERMINATED;
            } finally {
                lock.unlock();
            }
            terminated.countDown();
        }
    }

    private long selectTimeoutMillis() {
        if (idleNanos == 0 || peers.isEmpty()) {
            return 0;
        }
        UdpPeer oldest = peers.values().iterator().next();
        long remaining = oldest.lastActivity + idleNanos - System.nanoTime();
        return remaining <= 0 ? 1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining + 999_999));
    }

    private void expire() {
        if (idleNanos == 0) {
            return;
        }
        Iterator<UdpPeer> it = peers.values().iterator();
        List<UdpPeer> idle = new ArrayList<>();
        while (it.hasNext()) {
            UdpPeer p = it.next();
            if (now - p.lastActivity < idleNanos) {
                break;
            }
            idle.add(p);
        }
        for (UdpPeer p : idle) {
            expired.incrementAndGet();
            p.closeNow(CloseCause.IDLE);
        }
    }

    /** Receives until the socket is drained (at most 64 datagrams a turn, to let tasks run). */
    private void receive() throws IOException {
        for (int i = 0; i < 64; i++) {
            receiveBuffer.clear();
            SocketAddress from = channel.receive(receiveBuffer);
            if (from == null) {
                return;
            }
            datagramsIn.incrementAndGet();
            UdpPeer peer = peers.get(from);
            if (peer == null) {
                if (peers.size() >= config.maxPeers()) {
                    peerDrops.incrementAndGet();
                    continue;
                }
                DatagramHandler h;
                try {
                    h = Objects.requireNonNull(handlers.get(), "handler supplier returned null");
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "handler supplier failed; datagram dropped", e);
                    continue;
                }
                peer = new UdpPeer(from, h);
                peers.put(from, peer);
                peerCount = peers.size();
                try {
                    h.onPeerOpen(peer);
                } catch (Throwable t) {
                    peer.failed(t);
                    continue;
                }
            }
            peer.lastActivity = now;
            peer.received++;
            receiveBuffer.flip();
            try {
                peer.handler.onDatagram(peer, receiveBuffer);
            } catch (Throwable t) {
                peer.failed(t);
            }
        }
    }

    /** A peer of this server. Loop thread, except {@link #send} and {@link #close} which hop onto it. */
    final class UdpPeer implements Peer {
        private final SocketAddress address;
        private final DatagramHandler handler;
        private long lastActivity;
        private volatile long received;
        private volatile boolean open = true;
        private volatile Object attachment;

        UdpPeer(SocketAddress address, DatagramHandler handler) {
            this.address = address;
            this.handler = handler;
        }

        @Override
        public boolean send(ByteBuffer data) {
            if (Thread.currentThread() != thread) {
                ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
                if (!open) {
                    return false;
                }
                execute(() -> sendOnLoop(copy));
                return true;
            }
            return sendOnLoop(data);
        }

        private boolean sendOnLoop(ByteBuffer data) {
            if (!open) {
                data.position(data.limit());
                return false;
            }
            try {
                int n = channel.send(data, address);
                if (n == 0) {
                    data.position(data.limit());
                    sendDrops.incrementAndGet();
                    return false;
                }
                datagramsOut.incrementAndGet();
                return true;
            } catch (IOException e) {
                // ICMP errors (port unreachable) surface here on Linux: the peer's doing.
                LOG.log(Level.DEBUG, () -> "send to " + address + " failed", e);
                data.position(data.limit());
                sendDrops.incrementAndGet();
                return false;
            }
        }

        @Override
        public void close() {
            if (Thread.currentThread() == thread) {
                closeNow(CloseCause.LOCAL);
            } else {
                execute(() -> closeNow(CloseCause.LOCAL));
            }
        }

        void failed(Throwable t) {
            LOG.log(Level.WARNING, () -> "datagram handler failed; forgetting peer " + address, t);
            closeNow(CloseCause.of(CloseCause.Reason.HANDLER_FAILED, t));
        }

        void closeNow(CloseCause cause) {
            if (!open) {
                return;
            }
            open = false;
            peers.remove(address, this);
            peerCount = peers.size();
            try {
                handler.onPeerClose(this, cause);
            } catch (Throwable t) {
                LOG.log(Level.WARNING, "datagram handler onPeerClose failed for " + address, t);
            }
        }

        @Override
        public InetSockAddr remoteAddress() {
            return InetSockAddr.of((InetSocketAddress) address);
        }

        @Override
        public long datagramsReceived() {
            return received;
        }

        @Override
        public Object attachment() {
            return attachment;
        }

        @Override
        public Object attach(Object a) {
            Object old = attachment;
            attachment = a;
            return old;
        }

        @Override
        public String toString() {
            return "Peer[" + address + "]";
        }
    }
}
