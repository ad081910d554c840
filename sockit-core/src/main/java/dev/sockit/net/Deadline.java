package dev.sockit.net;

import java.io.IOException;
import java.time.Duration;

/**
 * How long one call may wait, fixed when the call starts: not at all (non-blocking mode or
 * {@code MSG_DONTWAIT}), until a point in time (timeout mode, or {@code SO_RCVTIMEO} /
 * {@code SO_SNDTIMEO} in blocking mode), or for ever (blocking mode).
 *
 * <p>The end is a {@link System#nanoTime} value; {@link #remainingNanos} is recomputed on
 * every turn of a wait loop, so a wake-up that finds nothing to do never extends the call.
 */
final class Deadline {
    /** Why a call may wait, which decides the error it gets when it cannot wait any longer. */
    enum Kind {
        /** Non-blocking: {@code EAGAIN} ({@code EINPROGRESS} for connect) at once. */
        NON_BLOCKING,
        /** Timeout mode: Python's {@code TimeoutError}. */
        TIMEOUT,
        /** Blocking mode with {@code SO_RCVTIMEO} / {@code SO_SNDTIMEO}: {@code EAGAIN}, as Linux. */
        SOCKET_OPTION,
        /** Blocking mode: waits for ever. */
        NEVER
    }

    private static final Deadline NON_BLOCKING = new Deadline(Kind.NON_BLOCKING, 0);
    private static final Deadline NEVER = new Deadline(Kind.NEVER, 0);

    private final Kind kind;
    private final long end;

    private Deadline(Kind kind, long end) {
        this.kind = kind;
        this.end = end;
    }

    static Deadline nonBlocking() {
        return NON_BLOCKING;
    }

    static Deadline never() {
        return NEVER;
    }

    /** A deadline {@code nanos} from now ({@code nanos > 0}); one that cannot be reached is {@link #never}. */
    static Deadline after(Kind kind, long nanos) {
        try {
            return new Deadline(kind, Math.addExact(System.nanoTime(), nanos));
        } catch (ArithmeticException tooFar) {
            return NEVER;
        }
    }

    Kind kind() {
        return kind;
    }

    /** Whether the call may not wait at all. */
    boolean isNonBlocking() {
        return kind == Kind.NON_BLOCKING;
    }

    /**
     * Nanoseconds left: {@link Long#MAX_VALUE} for ever, {@code <= 0} once passed (and always
     * for a non-blocking call).
     */
    long remainingNanos() {
        return switch (kind) {
            case NON_BLOCKING -> 0;
            case NEVER -> Long.MAX_VALUE;
            case TIMEOUT, SOCKET_OPTION -> end - System.nanoTime();
        };
    }

    /**
     * The error of a call (other than connect) that cannot wait any longer: Python's
     * {@code TimeoutError} in timeout mode, else {@code EAGAIN}.
     */
    IOException cannotWait(String call) {
        return kind == Kind.TIMEOUT ? Errors.timedOut(call, "") : Errors.of(Errno.EAGAIN, call, "");
    }

    /** Nanoseconds as milliseconds, rounded up: a wait never ends before its deadline. */
    static long ceilMillis(long nanos) {
        return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }

    /** A {@link Duration} as nanoseconds, saturated at {@link Long#MAX_VALUE}. */
    static long toNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
