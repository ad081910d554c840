package dev.sockit.net;

import java.io.Serial;

/** {@code EHOSTUNREACH} or {@code ENETUNREACH}: no route to the peer. */
public final class HostUnreachableException extends java.net.NoRouteToHostException implements SocketError {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String call;

    HostUnreachableException(Errno errno, String call, String message) {
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
