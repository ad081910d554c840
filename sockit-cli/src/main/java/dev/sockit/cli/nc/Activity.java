package dev.sockit.cli.nc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When data last moved, for the {@code -i} idle timeout and the UDP reply linger: a
 * {@link System#nanoTime()} stamp that any thread may touch. Thread-safe.
 */
final class Activity {
    private final AtomicLong last = new AtomicLong(System.nanoTime());

    /** Data moved now. */
    void touch() {
        last.set(System.nanoTime());
    }

    /** The stamp of the last movement. */
    long lastNanos() {
        return last.get();
    }
}
