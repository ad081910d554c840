package dev.sockit.cli.nc;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live clients of a listener, for what stdin gives: each chunk goes to every client live
 * when it is read ({@code -k}: to all of them), and the end of stdin ends every client's output,
 * also of clients that come later.
 *
 * <p>Design note. {@code lock} guards {@code live} and {@code ended}; {@code changed} is
 * signalled when a client comes or goes or turns writable, so the stdin thread can wait for a
 * receiver before it reads (stdin is not read, and so not lost, while nobody listens) and for
 * every receiver's room after it sends (backpressure: a slow client slows stdin, it never
 * grows a queue without bound; the engine closes one whose queue passes its limit).
 */
final class Clients {
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final LinkedHashSet<Outlet> live = new LinkedHashSet<>();
    private boolean ended;
    private boolean closed;

    /** A client came; if stdin has ended already, its output ends at once. */
    void add(Outlet client) {
        lock.lock();
        try {
            live.add(client);
            if (ended) {
                client.endOutput();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A client went. */
    void remove(Outlet client) {
        lock.lock();
        try {
            live.remove(client);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Something a waiting stdin thread may care about changed (a client turned writable). */
    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The clients live now. */
    List<Outlet> snapshot() {
        lock.lock();
        try {
            return new ArrayList<>(live);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until at least one client is live; empty only after {@link #close}. */
    List<Outlet> awaitAny() throws InterruptedException {
        lock.lock();
        try {
            while (live.isEmpty() && !closed) {
                changed.await();
            }
            return new ArrayList<>(live);
        } finally {
            lock.unlock();
        }
    }

    /** Sends a copy of {@code data} to each of {@code to} and blocks until each has room again (or is gone). */
    void sendAll(List<Outlet> to, ByteBuffer data) throws InterruptedException {
        for (Outlet client : to) {
            client.send(data.duplicate());
        }
        lock.lock();
        try {
            for (Outlet client : to) {
                while (!client.writable() && live.contains(client) && !closed) {
                    changed.awaitNanos(RECHECK_NANOS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** stdin ended: every live client's output ends, and every later one's at once. */
    void endOutput() {
        lock.lock();
        try {
            ended = true;
            for (Outlet client : live) {
                client.endOutput();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The listener is ending: wake and release a waiting stdin thread. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
