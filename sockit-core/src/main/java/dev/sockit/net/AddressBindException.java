package dev.sockit.net;

import java.io.Serial;

/** {@code EADDRINUSE} or {@code EADDRNOTAVAIL}: the local address cannot be bound. */
public final class AddressBindException extends java.net.BindException implements SocketError {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String call;

    AddressBindException(Errno errno, String call, String message) {
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
