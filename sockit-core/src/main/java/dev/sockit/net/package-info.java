/**
 * The socket API: {@link dev.sockit.net.Socket} with C's calls and Linux's errno values,
 * {@link dev.sockit.net.Select} and {@link dev.sockit.net.Poll}, the errors
 * ({@link dev.sockit.net.SocketError}, {@link dev.sockit.net.Errno}) and the strace-style call
 * trace ({@link dev.sockit.net.Trace}).
 *
 * <p>Depends on {@link dev.sockit.addr} only.
 */
package dev.sockit.net;
