package dev.sockit.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Argument checks and conversions of {@link Socket}'s public calls, with one message shape
 * ({@code "n: -1 (expected: >= 0)"}): Java's exceptions for what C cannot express, and
 * {@code EOPNOTSUPP} for flags sockit does not support. Stateless.
 */
final class SocketArgs {
    private SocketArgs() {
    }

    /** {@code n}, the count of a receive. @throws IllegalArgumentException if negative */
    static int requireCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n: " + n + " (expected: >= 0)");
        }
        return n;
    }

    /** @throws IllegalArgumentException if {@code buffer} is read-only */
    static void requireWritable(ByteBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("buffer: read-only (expected: a writable buffer)");
        }
    }

    /** @throws IllegalArgumentException if {@code timeout} is negative */
    static void checkTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 0)");
        }
    }

    /** A timeout option's value: milliseconds, rounded up, saturated at {@link Integer#MAX_VALUE}. */
    static int millis(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        checkTimeout(timeout);
        return (int) Math.min(Integer.MAX_VALUE, Deadline.ceilMillis(Deadline.toNanos(timeout)));
    }

    /** A linger's {@code SO_LINGER} value: whole seconds, rounded up, or -1 for off. */
    static int lingerSeconds(Optional<Duration> linger) {
        Objects.requireNonNull(linger, "linger");
        int seconds = -1;
        if (linger.isPresent()) {
            Duration value = linger.get();
            checkTimeout(value);
            long rounded = value.getSeconds() + (value.getNano() > 0 ? 1 : 0);
            seconds = (int) Math.min(Integer.MAX_VALUE, rounded);
        }
        return seconds;
    }

    /** The first {@code n} bytes of a heap buffer's array, the array itself when it is all of it. */
    static byte[] copyOf(ByteBuffer buffer, int n) {
        byte[] array = buffer.array();
        return n == array.length ? array : Arrays.copyOf(array, n);
    }

    /** {@code EOPNOTSUPP} for {@code flags} a call does not support. */
    static IOException unsupportedFlags(String call, int flags, String supported) {
        String detail = "flags 0x" + Integer.toHexString(flags) + " (sockit supports " + supported + ")";
        return Errors.of(Errno.EOPNOTSUPP, call, "", detail);
    }
}
