package dev.sockit.addr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A UNIX-domain socket address, C's {@code struct sockaddr_un}: a file-system path, or the
 * unnamed address (the empty path) that an unbound socket and either end of a
 * {@code socketpair} have. Immutable.
 *
 * <p>Linux also has the abstract namespace (a {@code sun_path} that starts with a NUL byte);
 * the JDK cannot bind or connect to it, so this type rejects a NUL anywhere in the path.
 *
 * @param path the path as {@code sun_path} holds it: at most {@value #MAX_PATH_BYTES} bytes of
 *     UTF-8, no NUL; empty for the unnamed address
 */
public record UnixSockAddr(String path) implements SockAddr {
    /**
     * The longest path, in bytes: {@code sun_path} is 108 bytes, and Linux accepts a path that
     * fills it without a terminating NUL. (The JDK's sockets take at most 106.)
     */
    public static final int MAX_PATH_BYTES = 108;

    /** The unnamed address: what {@code getsockname} gives for an unbound socket. */
    public static final UnixSockAddr UNNAMED = new UnixSockAddr("");

    /**
     * @throws IllegalArgumentException if {@code path} holds a NUL or is longer than
     *     {@value #MAX_PATH_BYTES} bytes of UTF-8 (Python's "AF_UNIX path too long")
     */
    public UnixSockAddr {
        Objects.requireNonNull(path, "path");
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("path: contains NUL (expected: a file-system path; "
                    + "the JDK has no abstract-namespace UNIX sockets)");
        }
        int bytes = path.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("path: " + bytes + " bytes (expected: 0-" + MAX_PATH_BYTES + ")");
        }
    }

    /** The address of a file-system path. */
    public static UnixSockAddr of(Path path) {
        return new UnixSockAddr(path.toString());
    }

    /** Whether this is the unnamed address (the empty path). */
    public boolean isUnnamed() {
        return path.isEmpty();
    }

    @Override
    public AddressFamily family() {
        return AddressFamily.AF_UNIX;
    }

    /** The path; the empty string for the unnamed address. */
    @Override
    public String toString() {
        return path;
    }
}
