package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Connection} on an {@link EventLoop}.
 *
 * <p>Design note. Every field is the loop thread's, except: {@link #offLoopBytes} (bytes
 * written from other threads and not yet queued on the loop; any thread), {@link #open} and
 * {@link #outputEnding} (written by the loop, read anywhere) and the counters (written by the loop with release
 * stores, read anywhere with acquire loads). Calls from other threads become loop tasks.
 *
 * <p>The write path: with nothing queued, {@link #write} hands the caller's buffer to the
 * kernel at once, so an echo costs one {@code write(2)} and no copy. What the kernel does not
 * take is copied into pooled direct chunks; {@code OP_WRITE} is armed only then, and the
 * chunks go out with gathering writes ({@code writev}) when the socket is writable again. A
 * short gathering write means the kernel buffer is full: wait for {@code OP_WRITE} rather than
 * retry at once.
 *
 * <p>Order across threads: a shutdown or close asked for on the loop waits for the writes
 * other threads made before it (still loop tasks, counted in {@link #offLoopBytes}): it goes
 * back into the task queue behind them. Writes from other threads that come after it are
 * dropped ({@link #outputEnding}), so the wait ends.
 */
final class TcpConnection implements Connection {
    private static final System.Logger LOG = System.getLogger("dev.sockit.server");
    private static final VarHandle BYTES_READ;
    private static final VarHandle BYTES_WRITTEN;
    private static final VarHandle QUEUED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            BYTES_READ = l.findVarHandle(TcpConnection.class, "bytesRead", long.class);
            BYTES_WRITTEN = l.findVarHandle(TcpConnection.class, "bytesWritten", long.class);
            QUEUED = l.findVarHandle(TcpConnection.class, "queued", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final EventLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final ConnectionHandler handler;
    private final AtomicLong offLoopBytes = new AtomicLong();

    // The idle-ordered list of the loop.
    TcpConnection prev;
    TcpConnection next;
    long lastActivity;

    private ArrayDeque<ByteBuffer> queue; // created on the first short write
    private long queued;
    private long bytesRead;
    private long bytesWritten;
    private int interest = SelectionKey.OP_READ;
    private boolean autoRead = true;
    private boolean inputClosed;
    private boolean outputShutdownPending;
    private boolean outputShut;
    private boolean writable = true;
    private boolean writableRequested;
    private CloseCause closeAfterFlush;
    private volatile boolean open = true;
    /** Set on the loop when a shutdown or close of the output is asked for; off-loop writes after it are dropped. */
    private volatile boolean outputEnding;
    private volatile Object attachment;

    TcpConnection(EventLoop loop, SocketChannel channel, SelectionKey key, ConnectionHandler handler) {
        this.loop = loop;
        this.channel = channel;
        this.key = key;
        this.handler = handler;
    }

    // Events from the loop.

    void opened() {
        try {
            handler.onOpen(this);
        } catch (Throwable t) {
            handlerFailed(t);
        }
    }

    void stopping() {
        if (!open) {
            return;
        }
        try {
            handler.onStop(this);
        } catch (Throwable t) {
            handlerFailed(t);
        }
    }

    void onReady(int ops) {
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ops & SelectionKey.OP_READ) != 0 && open) {
            read();
        }
    }

    private void read() {
        ByteBuffer buf = loop.readBuffer;
        // Read again only while the buffer came back full: another read of a drained socket
        // is a wasted syscall on every ping-pong turn.
        for (int i = 0; i < 16 && autoRead && open && !inputClosed; i++) {
            buf.clear();
            int n;
            try {
                n = channel.read(buf);
            } catch (IOException e) {
                closeNow(CloseCause.of(CloseCause.Reason.IO_ERROR, e));
                return;
            }
            if (n > 0) {
                BYTES_READ.setRelease(this, bytesRead + n);
                loop.touch(this);
                buf.flip();
                try {
                    handler.onData(this, buf);
                } catch (Throwable t) {
                    handlerFailed(t);
                    return;
                }
                if (n < buf.capacity()) {
                    return;
                }
            } else if (n < 0) {
                inputClosed = true;
                updateInterest();
                try {
                    handler.onInputClosed(this);
                } catch (Throwable t) {
                    handlerFailed(t);
                }
                return;
            } else {
                return;
            }
        }
    }

    // Writing.

    @Override
    public boolean write(ByteBuffer data) {
        if (loop.inLoop()) {
            return writeOnLoop(data);
        }
        int n = data.remaining();
        ByteBuffer copy = ByteBuffer.allocate(n).put(data).flip();
        long pending = offLoopBytes.addAndGet(n);
        if (!open || outputEnding) {
            offLoopBytes.addAndGet(-n);
            return false;
        }
        if (queuedBytes() > loop.config.writeQueueLimit()) {
            offLoopBytes.addAndGet(-n);
            loop.execute(() -> closeNow(CloseCause.OVERFLOW));
            return false;
        }
        loop.execute(() -> {
            offLoopBytes.addAndGet(-n);
            try {
                writeOnLoop(copy);
            } catch (Throwable t) {
                handlerFailed(t);
            }
        });
        return open && (long) QUEUED.getAcquire(this) + pending <= loop.config.writeHighWatermark();
    }

    private boolean writeOnLoop(ByteBuffer src) {
        if (!open || outputShut || outputShutdownPending || closeAfterFlush != null) {
            src.position(src.limit());
            return false;
        }
        if (!src.hasRemaining()) {
            return writable;
        }
        if (queued == 0) {
            int n;
            try {
                n = channel.write(src);
            } catch (IOException e) {
                src.position(src.limit());
                closeNow(CloseCause.of(CloseCause.Reason.IO_ERROR, e));
                return false;
            }
            if (n > 0) {
                BYTES_WRITTEN.setRelease(this, bytesWritten + n);
                loop.touch(this);
            }
            if (!src.hasRemaining()) {
                return writable;
            }
        }
        enqueue(src);
        if (queued > loop.config.writeQueueLimit()) {
            closeNow(CloseCause.OVERFLOW);
            return false;
        }
        updateInterest();
        if (writable && queued > loop.config.writeHighWatermark()) {
            writable = false;
            handler.onWritabilityChanged(this, false);
        }
        return writable && open;
    }

    private void enqueue(ByteBuffer src) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        int total = src.remaining();
        while (src.hasRemaining()) {
            ByteBuffer tail = queue.peekLast();
            if (tail == null || tail.limit() == tail.capacity()) {
                tail = loop.takeChunk();
                queue.addLast(tail);
            }
            int at = tail.limit();
            int n = Math.min(src.remaining(), tail.capacity() - at);
            tail.limit(at + n);
            tail.put(at, src, src.position(), n);
            src.position(src.position() + n);
        }
        QUEUED.setRelease(this, queued + total);
    }

    /** Writes queued chunks until the queue is empty or the kernel buffer is full. */
    private void flush() {
        ByteBuffer[] gather = loop.gather;
        while (queued > 0) {
            int k = 0;
            long attempt = 0;
            for (ByteBuffer b : queue) {
                gather[k++] = b;
                attempt += b.remaining();
                if (k == EventLoop.MAX_GATHER) {
                    break;
                }
            }
            long n;
            try {
                n = k == 1 ? channel.write(gather[0]) : channel.write(gather, 0, k);
            } catch (IOException e) {
                Arrays.fill(gather, 0, k, null);
                closeNow(CloseCause.of(CloseCause.Reason.IO_ERROR, e));
                return;
            }
            Arrays.fill(gather, 0, k, null);
            if (n > 0) {
                BYTES_WRITTEN.setRelease(this, bytesWritten + n);
                QUEUED.setRelease(this, queued - n);
                loop.touch(this);
                for (ByteBuffer b; (b = queue.peekFirst()) != null && !b.hasRemaining(); ) {
                    queue.pollFirst();
                    loop.recycle(b);
                }
            }
            if (n < attempt) {
                break;
            }
        }
        if (queued == 0) {
            if (closeAfterFlush != null) {
                closeNow(closeAfterFlush);
                return;
            }
            if (outputShutdownPending) {
                shutdownOutputNow();
            }
        }
        if (!writable && queued <= loop.config.writeLowWatermark()) {
            writable = true;
            writableRequested = false;
            updateInterest();
            callWritabilityChanged();
        } else if (writableRequested && queued <= loop.config.writeLowWatermark()) {
            writableRequested = false;
            updateInterest();
            callWritabilityChanged();
        } else {
            updateInterest();
        }
    }

    private void callWritabilityChanged() {
        if (!open) {
            return;
        }
        try {
            handler.onWritabilityChanged(this, true);
        } catch (Throwable t) {
            handlerFailed(t);
        }
    }

    @Override
    public boolean isWritable() {
        return open && (long) QUEUED.getAcquire(this) + offLoopBytes.get() <= loop.config.writeHighWatermark();
    }

    @Override
    public long queuedBytes() {
        return (long) QUEUED.getAcquire(this) + offLoopBytes.get();
    }

    @Override
    public void requestWritable() {
        onLoop(() -> {
            if (open) {
                writableRequested = true;
                updateInterest();
            }
        });
    }

    @Override
    public void setAutoRead(boolean on) {
        onLoop(() -> {
            autoRead = on;
            updateInterest();
        });
    }

    private void updateInterest() {
        if (!open) {
            return;
        }
        int ops = 0;
        if (autoRead && !inputClosed && closeAfterFlush == null) {
            ops |= SelectionKey.OP_READ;
        }
        if (queued > 0 || writableRequested) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (ops != interest) {
            interest = ops;
            key.interestOps(ops);
        }
    }

    // Closing.

    @Override
    public void shutdownOutput() {
        onLoop(this::shutdownOutputAfterFlush);
    }

    private void shutdownOutputAfterFlush() {
        if (!open || outputShut) {
            return;
        }
        outputEnding = true;
        if (offLoopBytes.get() > 0) {
            loop.execute(this::shutdownOutputAfterFlush);
            return;
        }
        if (queued == 0) {
            shutdownOutputNow();
        } else {
            outputShutdownPending = true;
        }
    }

    private void shutdownOutputNow() {
        outputShutdownPending = false;
        outputShut = true;
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            closeNow(CloseCause.of(CloseCause.Reason.IO_ERROR, e));
        }
    }

    @Override
    public void close() {
        onLoop(() -> closeAfterFlush(CloseCause.LOCAL));
    }

    @Override
    public void abort() {
        onLoop(() -> closeNow(CloseCause.LOCAL));
    }

    /** Closes once the queue is empty; loop thread. */
    void closeAfterFlush(CloseCause cause) {
        if (!open || closeAfterFlush != null) {
            return;
        }
        outputEnding = true;
        if (offLoopBytes.get() > 0) {
            loop.execute(() -> closeAfterFlush(cause));
            return;
        }
        if (queued == 0) {
            closeNow(cause);
        } else {
            closeAfterFlush = cause;
            updateInterest();
        }
    }

    private void handlerFailed(Throwable t) {
        if (t instanceof VirtualMachineError e && !(t instanceof StackOverflowError)) {
            closeNow(CloseCause.of(CloseCause.Reason.HANDLER_FAILED, t));
            throw e;
        }
        LOG.log(Level.WARNING, () -> "handler failed; closing " + this, t);
        closeNow(CloseCause.of(CloseCause.Reason.HANDLER_FAILED, t));
    }

    /** Closes now, dropping what is queued; every close ends here. Loop thread. */
    void closeNow(CloseCause cause) {
        if (!open) {
            return;
        }
        open = false;
        key.cancel();
        if (queue != null) {
            for (ByteBuffer b; (b = queue.pollFirst()) != null; ) {
                loop.recycle(b);
            }
        }
        QUEUED.setRelease(this, 0L);
        loop.unlink(this);
        // The permit goes back before the peer can see the close, so a client that saw EOF
        // may count on the permit being free.
        loop.server.connectionClosed(cause);
        EventLoop.closeQuietly(channel);
        if (cause.reason() == CloseCause.Reason.IO_ERROR) {
            LOG.log(Level.DEBUG, () -> "closed " + this + " by " + cause.error().orElseThrow());
        }
        try {
            handler.onClose(this, cause);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "handler onClose failed for " + this, t);
        }
    }

    private void onLoop(Runnable r) {
        if (loop.inLoop()) {
            r.run();
        } else {
            loop.execute(() -> {
                try {
                    r.run();
                } catch (Throwable t) {
                    handlerFailed(t);
                }
            });
        }
    }

    // Accessors.

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public InetSockAddr remoteAddress() {
        return inet(peer());
    }

    @Override
    public InetSockAddr localAddress() {
        return inet(local());
    }

    @Override
    public SockAddr peer() {
        try {
            return sockAddr(channel.getRemoteAddress());
        } catch (IOException e) {
            throw new IllegalStateException("connection closed", e);
        }
    }

    @Override
    public SockAddr local() {
        try {
            return sockAddr(channel.getLocalAddress());
        } catch (IOException e) {
            throw new IllegalStateException("connection closed", e);
        }
    }

    private static SockAddr sockAddr(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return UnixSockAddr.of(unix.getPath());
        }
        if (address instanceof InetSocketAddress inet) {
            return InetSockAddr.of(inet);
        }
        throw new IllegalStateException("connection closed");
    }

    private static InetSockAddr inet(SockAddr address) {
        if (address instanceof InetSockAddr inet) {
            return inet;
        }
        throw new IllegalStateException("a UNIX stream connection has no IP address (use peer() and local())");
    }

    @Override
    public long bytesRead() {
        return (long) BYTES_READ.getAcquire(this);
    }

    @Override
    public long bytesWritten() {
        return (long) BYTES_WRITTEN.getAcquire(this);
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
        try {
            return "Connection[" + channel.getRemoteAddress() + "]";
        } catch (IOException | RuntimeException e) {
            return "Connection[closed]";
        }
    }
}
