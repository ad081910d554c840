package dev.sockit.net;

import java.util.Objects;

/**
 * The two connected ends {@link Socket#socketpair} makes: what C's {@code socketpair} writes
 * into its {@code int sv[2]}.
 *
 * @param first one end
 * @param second the other end
 */
public record SocketPair(Socket first, Socket second) {
    public SocketPair {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
    }
}
