package dev.sockit.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on a latch where an interrupt must not cut the wait short, as {@code close()} needs. */
final class Latches {
    private Latches() {
    }

    /**
     * Waits until {@code latch} opens or {@code limit} passes, whichever is first; an interrupt
     * during the wait is remembered and restored on return, not thrown.
     */
    static void awaitUninterruptibly(CountDownLatch latch, Duration limit) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                latch.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
