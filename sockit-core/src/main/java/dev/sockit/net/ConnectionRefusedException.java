package dev.sockit.net;

import java.io.Serial;

/** {@code ECONNREFUSED}: nothing listens at the address (Python's {@code ConnectionRefusedError}). */
public final class ConnectionRefusedException extends java.net.ConnectException implements SocketError {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String call;

    ConnectionRefusedException(Errno errno, String call, String message) {
        super(message);
        this.errno = errno;
        this.call = call;
    }

    @Override
    public Errno errno() {
        return errno;
    }

    @Override
    public String call() {
        return call;
    }
}
