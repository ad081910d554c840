package dev.sockit.server;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One event-loop thread of a {@link TcpServer}: a selector, the connections registered on it,
 * and the buffers they share.
 *
 * <p>Design note. Everything here except {@link #tasks}, {@link #wakeupPending} and
 * {@link #execute} belongs to the loop thread: the selector, the read buffer (one per loop,
 * reused for every read, so reading allocates nothing), the pool of write chunks, the
 * connection list and the clock. Other threads reach a connection only by
 * {@link #execute}, which queues a task and wakes the selector at most once per turn
 * (Netty's {@code wakenUp} flag: {@code Selector.wakeup} is a write to an eventfd).
 *
 * <p>The connection list is kept in order of last activity (least recent first), so the idle
 * check looks at the head only, and the next select sleeps until the head would expire. It
 * doubles as the registry that stop walks. Without an idle timeout connections are not moved.
 *
 * <p>Loop 0 also owns the listeners and hands accepted channels round-robin to the loops.
 * A loop ends when the server is shutting down, loop 0 has closed the listeners (so no hand-off
 * can still arrive), it has no connection left and no task queued.
 */
final class EventLoop implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.sockit.server");
    private static final int MAX_ACCEPTS_PER_EVENT = 64;
    static final int MAX_GATHER = 16;

    final TcpServer server;
    final ServerConfig config;
    final int index;
    final Thread thread;
    final Selector selector;
    final ByteBuffer readBuffer;
    final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];
    final long idleNanos;

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final java.util.function.Consumer<SelectionKey> onKey = this::onKey; // one, not one per select

    // Loop thread only:
    private final ArrayDeque<ByteBuffer> pool = new ArrayDeque<>();
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private TcpConnection head;
    private TcpConnection tail;
    private int count;
    private boolean shuttingDown;
    private long forceDeadline;
    long now;

    EventLoop(TcpServer server, ServerConfig config, int index) throws IOException {
        this.server = server;
        this.config = config;
        this.index = index;
        this.selector = Selector.open();
        this.readBuffer = ByteBuffer.allocateDirect(config.readBufferSize());
        this.idleNanos = config.idleTimeout().toNanos();
        this.thread = new Thread(this, "sockit-tcp-loop-" + index);
        this.now = System.nanoTime();
    }

    /** Before the thread starts: registers a listener (loop 0 only). */
    void addListener(ServerSocketChannel listener) throws IOException {
        listener.register(selector, SelectionKey.OP_ACCEPT, listener);
        listeners.add(listener);
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on this loop, after the current turn; any thread. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                try {
                    runTasks();
                    now = System.nanoTime();
                    expire();
                    if (shuttingDown && count == 0 && server.acceptClosed() && tasks.isEmpty()) {
                        break;
                    }
                    if (wakeupPending.get()) { // reading is cheap; the fenced store only when set
                        wakeupPending.set(false);
                    }
                    if (!tasks.isEmpty()) {
                        selector.selectNow(onKey);
                    } else {
                        selector.select(onKey, selectTimeoutMillis());
                    }
                } catch (ClosedSelectorException e) {
                    throw e;
                } catch (Throwable t) {
                    LOG.log(Level.ERROR, "event loop " + index + ": unexpected failure; going on", t);
                }
            }
        } finally {
            for (ServerSocketChannel l : listeners) {
                closeQuietly(l);
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing selector", e);
            }
            server.loopTerminated();
        }
    }

    private void runTasks() {
        for (Runnable r; (r = tasks.poll()) != null; ) {
            try {
                r.run();
            } catch (Throwable t) {
                LOG.log(Level.ERROR, "event loop " + index + ": task failed", t);
            }
        }
    }

    private long selectTimeoutMillis() {
        long deadline = Long.MAX_VALUE;
        if (idleNanos > 0 && head != null) {
            deadline = head.lastActivity + idleNanos;
        }
        if (shuttingDown) {
            deadline = Math.min(deadline, forceDeadline);
        }
        if (deadline == Long.MAX_VALUE) {
            return 0; // block until an event or a wakeup
        }
        long remaining = deadline - System.nanoTime();
        return remaining <= 0 ? 1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining + 999_999));
    }

    private void expire() {
        if (idleNanos > 0) {
            while (head != null && now - head.lastActivity >= idleNanos) {
                head.closeNow(CloseCause.IDLE);
            }
        }
        if (shuttingDown && count > 0 && now - forceDeadline >= 0) {
            for (TcpConnection c : snapshot()) {
                c.closeNow(CloseCause.STOPPED);
            }
        }
    }

    private void onKey(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Object a = key.attachment();
        if (a instanceof TcpConnection c) {
            c.onReady(key.readyOps());
        } else if (a instanceof ServerSocketChannel l) {
            accept(l);
        }
    }

    private void accept(ServerSocketChannel listener) {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT; i++) {
            boolean permit = server.tryAcquirePermit();
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (IOException e) {
                if (permit) {
                    server.releasePermit();
                }
                // EMFILE and friends: the kernel keeps the connection queued; try again next turn.
                LOG.log(Level.WARNING, "accept failed", e);
                return;
            }
            if (ch == null) {
                if (permit) {
                    server.releasePermit();
                }
                return;
            }
            if (!permit) {
                server.countRejected();
                closeQuietly(ch);
                continue;
            }
            EventLoop target = server.nextLoop();
            if (target == this) {
                register(ch);
            } else {
                target.execute(() -> target.register(ch));
            }
        }
    }

    /** Registers an accepted channel that holds a permit; on any failure the permit goes back. */
    void register(SocketChannel ch) {
        if (shuttingDown) {
            server.releasePermit();
            closeQuietly(ch);
            return;
        }
        TcpConnection c;
        try {
            ch.configureBlocking(false);
            if (ch.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) { // not on UNIX sockets
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            ConnectionHandler handler = server.newHandler();
            SelectionKey key = ch.register(selector, SelectionKey.OP_READ);
            c = new TcpConnection(this, ch, key, handler);
            key.attach(c);
        } catch (Throwable t) {
            LOG.log(t instanceof IOException ? Level.DEBUG : Level.WARNING, "registering an accepted connection", t);
            server.releasePermit();
            closeQuietly(ch);
            return;
        }
        link(c);
        server.countAccepted();
        c.opened();
    }

    /** Stop: loop 0 closes the listeners; every loop tells its handlers. Loop thread. */
    void beginShutdown(long deadline) {
        shuttingDown = true;
        forceDeadline = deadline;
        if (!listeners.isEmpty()) {
            for (ServerSocketChannel l : listeners) {
                closeQuietly(l);
            }
            listeners.clear();
            server.closedAccept();
        }
        for (TcpConnection c : snapshot()) {
            c.stopping();
        }
    }

    private List<TcpConnection> snapshot() {
        List<TcpConnection> all = new ArrayList<>(count);
        for (TcpConnection c = head; c != null; c = c.next) {
            all.add(c);
        }
        return all;
    }

    // The connection list (loop thread).

    private void link(TcpConnection c) {
        c.lastActivity = now;
        c.prev = tail;
        if (tail == null) {
            head = c;
        } else {
            tail.next = c;
        }
        tail = c;
        count++;
    }

    void unlink(TcpConnection c) {
        if (c.prev == null) {
            head = c.next;
        } else {
            c.prev.next = c.next;
        }
        if (c.next == null) {
            tail = c.prev;
        } else {
            c.next.prev = c.prev;
        }
        c.prev = null;
        c.next = null;
        count--;
    }

    /** Marks activity: the connection moves to the tail (most recent). */
    void touch(TcpConnection c) {
        if (idleNanos == 0) {
            return;
        }
        c.lastActivity = now;
        if (c != tail) {
            if (c.prev == null) {
                head = c.next;
            } else {
                c.prev.next = c.next;
            }
            c.next.prev = c.prev;
            c.prev = tail;
            c.next = null;
            tail.next = c;
            tail = c;
        }
    }

    // The write-chunk pool (loop thread).

    ByteBuffer takeChunk() {
        ByteBuffer b = pool.pollFirst();
        if (b == null) {
            b = ByteBuffer.allocateDirect(config.writeChunkSize());
        }
        b.clear().limit(0);
        return b;
    }

    void recycle(ByteBuffer chunk) {
        if (pool.size() < config.bufferPoolLimit()) {
            pool.addFirst(chunk);
        }
    }

    static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing a channel", e);
        }
    }
}
