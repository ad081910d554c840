package dev.sockit.server;

/**
 * Counters of a {@link TcpServer} at one moment (each read on its own; not a consistent snapshot).
 *
 * @param accepted connections accepted and served
 * @param rejected connections accepted and closed at once because {@link ServerConfig#maxConnections()} were open
 * @param open connections open now
 * @param idleClosed connections closed by the idle timeout
 * @param failed connections closed because a handler threw
 */
public record ServerStats(long accepted, long rejected, int open, long idleClosed, long failed) {
}
