package dev.sockit.net;

import java.util.Objects;

/**
 * One socket {@link Poll#poll} found events on, as one {@code (fd, event)} pair of Python's
 * {@code poll()} and one {@code struct pollfd} with non-zero {@code revents} in C.
 *
 * @param socket the socket
 * @param revents its events: {@link Poll#POLLIN} and the others, with Linux's values
 */
public record PollEvent(Socket socket, int revents) {
    public PollEvent {
        Objects.requireNonNull(socket, "socket");
    }

    /** {@code PollEvent[socket=<socket fd=3, ...>, revents=POLLIN|POLLOUT]}. */
    @Override
    public String toString() {
        return "PollEvent[socket=" + socket + ", revents=" + Poll.names(revents) + "]";
    }
}
