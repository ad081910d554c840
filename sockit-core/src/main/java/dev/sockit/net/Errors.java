package dev.sockit.net;

import java.io.IOException;

/** Makes the {@link SocketError} for an errno, of the class that errno maps to. */
final class Errors {
    private Errors() {
    }

    /**
     * The exception for {@code errno} from {@code call}.
     *
     * @param call the C name of the call
     * @param target what the call was made on, for the message (an address), or empty
     */
    static IOException of(Errno errno, String call, String target) {
        return of(errno, call, target, "");
    }

    /**
     * The exception for {@code errno} from {@code call}, its message ending with {@code detail}
     * (what made the call fail, when strerror alone does not say it: "the JDK has no raw sockets").
     */
    static IOException of(Errno errno, String call, String target, String detail) {
        String message = detail.isEmpty() ? message(errno, call, target) : message(errno, call, target) + ": " + detail;
        return switch (errno) {
            case ECONNREFUSED -> new ConnectionRefusedException(errno, call, message);
            case ETIMEDOUT -> new SocketTimedOutException(errno, call, message);
            case EADDRINUSE, EADDRNOTAVAIL -> new AddressBindException(errno, call, message);
            case EHOSTUNREACH, ENETUNREACH -> new HostUnreachableException(errno, call, message);
            default -> new SocketErrnoException(errno, call, message);
        };
    }

    /** A call in timeout mode that ran out of time: {@code EAGAIN}, as Linux reports {@code SO_RCVTIMEO}. */
    static SocketTimedOutException timedOut(String call, String target) {
        return new SocketTimedOutException(Errno.EAGAIN, call, message(Errno.EAGAIN, call, target) + " (timed out)");
    }

    private static String message(Errno errno, String call, String target) {
        return (target.isEmpty() ? call : call + " " + target) + ": " + errno.describe();
    }
}
