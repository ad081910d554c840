/**
 * The server engine: {@link dev.sockit.server.TcpServer} (event loops, bounded write queues,
 * connection limit, idle timeouts, graceful stop) and {@link dev.sockit.server.UdpServer}
 * (one socket, peers by address), driven by a small handler interface
 * ({@link dev.sockit.server.ConnectionHandler}, {@link dev.sockit.server.DatagramHandler}),
 * with the classic services built in ({@link dev.sockit.server.Handlers}).
 *
 * <p>Depends on {@link dev.sockit.addr} only; nothing below it depends on it.
 */
package dev.sockit.server;
