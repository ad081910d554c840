package dev.sockit.net;

import dev.sockit.addr.SockAddr;
import java.util.Objects;

/**
 * What {@link Socket#accept} returns, as C's {@code accept} and Python's {@code accept()} do:
 * the new connected socket and the peer's address.
 *
 * @param socket the accepted connection, in blocking mode
 * @param address the peer's address ({@code getpeername} of {@code socket})
 */
public record Accepted(Socket socket, SockAddr address) {
    public Accepted {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(address, "address");
    }
}
