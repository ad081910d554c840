package dev.sockit.cli.nc;

import dev.sockit.net.Errno;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a session ends, decided once: the first {@link #end} or {@link #fail} wins, later ones
 * are ignored (a socket closed because the session ended makes the other threads fail, and
 * those failures are not the story). Thread-safe.
 */
final class Ending {
    /**
     * @param status the {@link ExitStatus}
     * @param reason how the session ended, for the {@code closed} event: {@code eof}, {@code quit},
     *     {@code limit}, {@code idle}, {@code reset}, {@code error}
     * @param error the one-line error to report, if the session failed
     */
    record Outcome(int status, String reason, Optional<String> error) {
    }

    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    /** Ends the session without an error; false if it had ended already. */
    boolean end(int status, String reason) {
        return outcome.complete(new Outcome(status, reason, Optional.empty()));
    }

    /** Ends the session with an error; false if it had ended already. */
    boolean fail(int status, String reason, String error) {
        return outcome.complete(new Outcome(status, reason, Optional.of(error)));
    }

    /**
     * A socket call failed: the session ends with {@link ExitStatus#NETWORK}, reason {@code reset}
     * for {@code ECONNRESET}/{@code EPIPE} and {@code error} otherwise. Nothing if it had ended
     * already (the failure is then the close that ended it).
     */
    void failed(IOException e) {
        boolean reset = e instanceof SocketError error && (error.errno() == Errno.ECONNRESET || error.errno() == Errno.EPIPE);
        fail(ExitStatus.NETWORK, reset ? "reset" : "error", e.getMessage());
    }

    /** Nothing was read or written for {@code timeout} ({@code -i}): the session ends with {@link ExitStatus#IDLE_TIMEOUT}. */
    void idle(Duration timeout) {
        fail(ExitStatus.IDLE_TIMEOUT, "idle", "idle for " + Reports.seconds(timeout) + " (-i)");
    }

    /** Whether the session has ended. */
    boolean ended() {
        return outcome.isDone();
    }

    /** Blocks until the session ends. */
    Outcome await() {
        while (true) {
            try {
                return outcome.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome.join();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Blocks until the session ends or {@code time} passes; true if it ended. */
    boolean awaitFor(Duration time) {
        try {
            outcome.get(Math.max(1, time.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ended();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
