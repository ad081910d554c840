package dev.sockit.net;

/**
 * A failed socket call, with the {@code errno} Linux gives for it: Python's {@code OSError}
 * for Java.
 *
 * <p>Every implementation is an {@link java.io.IOException} that also extends the JDK's own type where
 * one exists, so Java callers catch what they know: {@link ConnectionRefusedException} is a
 * {@link java.net.ConnectException}, {@link SocketTimedOutException} a
 * {@link java.net.SocketTimeoutException}, {@link AddressBindException} a
 * {@link java.net.BindException}, {@link HostUnreachableException} a
 * {@link java.net.NoRouteToHostException}; every other errno is a {@link SocketErrnoException}
 * (a {@link java.net.SocketException}). The message reads
 * {@code connect 127.0.0.1:9: ECONNREFUSED (111): Connection refused}.
 */
public sealed interface SocketError
        permits SocketErrnoException, ConnectionRefusedException, SocketTimedOutException, AddressBindException,
                HostUnreachableException {

    /** The error number, as C's {@code errno} after the call. */
    Errno errno();

    /** The call that failed, by its C name: {@code "connect"}, {@code "recv"}. */
    String call();
}
