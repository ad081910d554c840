package dev.sockit.cli.nc;

import java.time.Duration;

/**
 * Ends a session when nothing has happened for a while: the {@code -i} idle timeout and the
 * UDP reply linger. A daemon thread that sleeps until the quiet time could have run out,
 * checks the last activity, and ends the session (via {@code expire}) only if it has; it
 * stops by itself when the session ends.
 */
final class QuietWatch {
    private QuietWatch() {
    }

    /**
     * Starts watching: once {@code activity} has been still for {@code limit}, runs
     * {@code expire} (which should end the session) and stops.
     */
    static void start(String name, Ending ending, Activity activity, Duration limit, Runnable expire) {
        Thread watcher = new Thread(() -> {
            long limitNanos = limit.toNanos();
            while (!ending.ended()) {
                long quietFor = System.nanoTime() - activity.lastNanos();
                if (quietFor >= limitNanos) {
                    expire.run();
                    return;
                }
                ending.awaitFor(Duration.ofNanos(limitNanos - quietFor));
            }
        }, name);
        watcher.setDaemon(true);
        watcher.start();
    }
}
