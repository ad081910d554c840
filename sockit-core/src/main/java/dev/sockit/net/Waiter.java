package dev.sockit.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The blocking half of a socket whose channel is always in non-blocking mode: waits until the
 * channel is ready for one kind of operation, for a bounded time.
 *
 * <p>Design: a {@link Socket} has two waiters, one for its read side ({@code OP_READ},
 * {@code OP_ACCEPT}) and one for its write side ({@code OP_WRITE}, {@code OP_CONNECT}), so one
 * thread can wait to read while another waits to write. Each owns a {@link Selector}, opened on
 * the first wait: a socket used only in non-blocking mode never opens one. Only the thread that
 * holds the socket's lock for that side calls {@link #await}; {@link #wakeup}, {@link #reset}
 * and {@link #close} may come from any thread and never block for long.
 *
 * <p>On a virtual thread, the JDK's selector parks the thread rather than its carrier (JDK 25
 * does; on older JDKs the scheduler compensates for the blocked carrier).
 */
final class Waiter {
    private final ReentrantLock lock = new ReentrantLock();
    /** Opened on the first wait; guarded by {@link #lock}. */
    private Selector selector;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    /**
     * Waits until {@code channel} is ready for {@code ops}, {@link #wakeup} is called, or
     * {@code nanos} pass ({@link Long#MAX_VALUE}: no limit). It may return early for no reason;
     * the caller retries its operation and waits again with what remains of its deadline.
     *
     * @throws ClosedChannelException if this waiter is closed (its socket is)
     * @throws InterruptedIOException if the thread is interrupted; its interrupt status stays set
     */
    void await(SelectableChannel channel, int ops, long nanos) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
        Selector selector = selector();
        try {
            SelectionKey key = channel.keyFor(selector);
            if (key == null) {
                channel.register(selector, ops);
            } else {
                key.interestOps(ops);
            }
            if (nanos == Long.MAX_VALUE) {
                selector.select();
            } else {
                selector.select(Math.max(1, Deadline.ceilMillis(nanos)));
            }
            selector.selectedKeys().clear();
        } catch (ClosedSelectorException | CancelledKeyException | ClosedChannelException closedMeanwhile) {
            // The socket closed, or replaced its channel (resetting this waiter): the caller
            // looks at the socket's state again.
            if (isClosed()) {
                throw new ClosedChannelException();
            }
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Makes a thread waiting in {@link #await} return now. */
    void wakeup() {
        lock.lock();
        try {
            if (selector != null) {
                selector.wakeup();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Wakes a waiting thread and closes the selector, which deregisters every channel, so that
     * one being closed is closed at once (the JDK defers closing a registered channel); the
     * next wait opens a new selector. Used when the socket replaces its channel.
     */
    void reset() throws IOException {
        Selector retired;
        lock.lock();
        try {
            retired = selector;
            selector = null;
        } finally {
            lock.unlock();
        }
        if (retired != null) {
            retired.close();
        }
    }

    /**
     * Wakes a waiting thread and closes the selector, which deregisters the channel: a channel
     * the JDK sees registered defers its real close, so this comes before the channel's close.
     */
    void close() throws IOException {
        Selector open;
        lock.lock();
        try {
            closed = true;
            open = selector;
            selector = null;
        } finally {
            lock.unlock();
        }
        if (open != null) {
            open.close();
        }
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private Selector selector() throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new ClosedChannelException();
            }
            if (selector == null) {
                selector = Selector.open();
            }
            return selector;
        } finally {
            lock.unlock();
        }
    }
}
