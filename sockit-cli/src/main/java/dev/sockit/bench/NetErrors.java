package dev.sockit.bench;

import dev.sockit.net.Errno;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.util.Map;

/**
 * Messages for the JDK's socket exceptions in the socket API's terms: the errno name, number
 * and Linux strerror text ({@code ECONNREFUSED (111): Connection refused}), as sockit's own
 * exceptions already say them.
 */
final class NetErrors {
    private static final Map<String, Errno> BY_TEXT = Map.of(
            "Connection refused", Errno.ECONNREFUSED,
            "Connection reset", Errno.ECONNRESET,
            "Connection reset by peer", Errno.ECONNRESET,
            "Broken pipe", Errno.EPIPE,
            "Connection timed out", Errno.ETIMEDOUT,
            "No route to host", Errno.EHOSTUNREACH,
            "Network is unreachable", Errno.ENETUNREACH,
            "Cannot assign requested address", Errno.EADDRNOTAVAIL,
            "Too many open files", Errno.EMFILE);

    private NetErrors() {
    }

    /** {@code call target: ERRNO (n): text} for {@code e}, or its own message if it names no errno. */
    static String describe(String call, String target, IOException e) {
        if (e instanceof SocketError) {
            return e.getMessage();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.net.PortUnreachableException) {
            return call + " " + target + ": " + Errno.ECONNREFUSED.describe();
        }
        for (Map.Entry<String, Errno> m : BY_TEXT.entrySet()) {
            if (text.equals(m.getKey()) || text.startsWith(m.getKey() + " ") || text.endsWith(": " + m.getKey())) {
                return call + " " + target + ": " + m.getValue().describe();
            }
        }
        return call + " " + target + ": " + text;
    }

    /** {@code e} as an exception whose message is {@link #describe}. */
    static IOException wrap(String call, String target, IOException e) {
        return new IOException(describe(call, target, e), e);
    }
}
