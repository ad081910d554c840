package dev.sockit.net;

import java.io.Serial;

/** Any socket failure without a more specific JDK type: Python's {@code OSError}. */
public final class SocketErrnoException extends java.net.SocketException implements SocketError {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String call;

    SocketErrnoException(Errno errno, String call, String message) {
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
