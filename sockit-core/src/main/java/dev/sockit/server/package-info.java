/**
 * The server engine: {@link dev.sockit.server.TcpServer} (event loops, bounded write queues,
 * connection limit, idle timeouts, graceful stop) and {@link dev.sockit.server.UdpServer}
 * (one socket, peers by address), driven by a small handler interface
 * ({@link dev.sockit.server.ConnectionHandler}, {@link dev.sockit.server.DatagramHandler}),
 * with the classic services built in ({@link dev.sockit.server.Handlers}).
 *
 * <p>One handler style: callbacks on an event loop. A virtual thread per connection was
 * measured as a second, simpler style and not added: on this project's 2-core machine it took
 * 1.6–2.2× the CPU per round trip of a C epoll echo server on the JDK's sockets, and 3–4× on
 * {@link dev.sockit.net.Socket}, where the event loop takes 1.1× (docs/benchmarks.md, "A second
 * handler style"). Blocking code runs without a new API: a {@link dev.sockit.net.Socket} per
 * connection on {@code Executors.newVirtualThreadPerTaskExecutor()}, without this engine's limits.
 *
 * <p>Depends on {@link dev.sockit.addr} only; nothing below it depends on it.
 */
package dev.sockit.server;
