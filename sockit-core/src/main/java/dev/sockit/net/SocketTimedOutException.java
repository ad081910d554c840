package dev.sockit.net;

import java.io.Serial;

/**
 * A call on a socket in timeout mode ran out of time, or a connection timed out: Python's
 * {@code TimeoutError}. Its errno is {@code EAGAIN} for a {@code recv}, {@code send} or
 * {@code accept} whose timeout passed (as Linux reports {@code SO_RCVTIMEO}), and
 * {@code ETIMEDOUT} for a connection attempt that did.
 */
public final class SocketTimedOutException extends java.net.SocketTimeoutException implements SocketError {
    @Serial
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String call;

    SocketTimedOutException(Errno errno, String call, String message) {
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
