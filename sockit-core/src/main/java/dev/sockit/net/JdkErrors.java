package dev.sockit.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a JDK channel throws into the {@link SocketError} with the errno Linux gives.
 *
 * <p>Three sources, tried in order: the JDK's own state exceptions map by type
 * ({@link ClosedChannelException} is {@code EBADF}, {@link NotYetConnectedException}
 * {@code ENOTCONN}, ...); an {@link IOException} the JDK makes from a failed system call carries
 * {@code strerror(errno)} as its message ("Connection refused"), so its errno is found by that
 * text, plus the one text the JDK writes itself ("Connection reset", for {@code ECONNRESET} on
 * a read); anything else gets the errno the caller names as the fallback for that call.
 */
final class JdkErrors {
    private static final Map<String, Errno> BY_MESSAGE = new HashMap<>();

    static {
        for (Errno errno : Errno.values()) {
            BY_MESSAGE.put(errno.message(), errno);
        }
        BY_MESSAGE.put("Connection reset", Errno.ECONNRESET);
    }

    private JdkErrors() {
    }

    /**
     * The socket error for {@code failure}, thrown by the JDK during {@code call} on
     * {@code target}, with {@code failure} as its cause; a {@link SocketError} is returned as is.
     */
    static IOException map(Exception failure, String call, String target, Errno fallback) {
        if (failure instanceof SocketError && failure instanceof IOException error) {
            return error;
        }
        IOException mapped = Errors.of(errno(failure).orElse(fallback), call, target);
        mapped.initCause(failure);
        return mapped;
    }

    /** The errno {@code failure} stands for, when its type or message says. */
    static Optional<Errno> errno(Throwable failure) {
        Errno byType = switch (failure) {
            case ClosedChannelException closed -> Errno.EBADF;
            case ClosedSelectorException closed -> Errno.EBADF;
            case CancelledKeyException closed -> Errno.EBADF;
            case SocketTimeoutException timedOut -> Errno.ETIMEDOUT;
            case InterruptedIOException interrupted -> Errno.EINTR;
            case PortUnreachableException unreachable -> Errno.ECONNREFUSED;
            case NotYetConnectedException notConnected -> Errno.ENOTCONN;
            case NoConnectionPendingException notConnecting -> Errno.ENOTCONN;
            case AlreadyConnectedException connected -> Errno.EISCONN;
            case ConnectionPendingException pending -> Errno.EALREADY;
            case NotYetBoundException notBound -> Errno.EINVAL;
            case AlreadyBoundException bound -> Errno.EINVAL;
            case UnsupportedAddressTypeException wrongFamily -> Errno.EAFNOSUPPORT;
            case IllegalArgumentException badValue -> Errno.EINVAL;
            default -> null;
        };
        return byType != null ? Optional.of(byType) : byMessage(failure.getMessage());
    }

    /**
     * The errno whose {@code strerror} text is {@code message}, or begins or ends it after
     * {@code ": "} (the JDK may prefix a call name or append an address).
     */
    private static Optional<Errno> byMessage(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Errno exact = BY_MESSAGE.get(message);
        if (exact != null) {
            return Optional.of(exact);
        }
        int first = message.indexOf(": ");
        int last = message.lastIndexOf(": ");
        if (first < 0) {
            return Optional.empty();
        }
        Errno prefix = BY_MESSAGE.get(message.substring(0, first));
        return Optional.ofNullable(prefix != null ? prefix : BY_MESSAGE.get(message.substring(last + 2)));
    }
}
