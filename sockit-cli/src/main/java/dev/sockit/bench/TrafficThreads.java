package dev.sockit.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform threads that carry a run's traffic: each runs one body; the first failure is kept
 * and rethrown by {@link #await}.
 */
final class TrafficThreads {
    /** A traffic thread's work. */
    interface Body {
        void run() throws IOException;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private volatile boolean stopping;

    /** Starts {@code body} on a new thread named {@code name}. */
    void start(String name, Body body) {
        threads.add(Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                body.run();
            } catch (IOException e) {
                if (!stopping) {
                    failure.compareAndSet(null, e);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new IOException(e.toString(), e));
            }
        }));
    }

    /** From now on failures are expected (connections being closed) and not kept. */
    void stopping() {
        stopping = true;
    }

    /** Whether a thread failed. */
    boolean failed() {
        return failure.get() != null;
    }

    /** Waits for every thread, at most {@code timeout} in all; rethrows the first failure. */
    void await(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Duration.ofNanos(left));
            }
        }
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
