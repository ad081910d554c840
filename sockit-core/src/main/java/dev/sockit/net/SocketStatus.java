package dev.sockit.net;

import java.nio.channels.SelectableChannel;
import java.util.Optional;

/**
 * A socket as {@link Select} and {@link Poll} see it at one moment ({@link PollProbe#status}):
 * what the kernel cannot tell them, because sockit keeps it on its side of the channel.
 *
 * @param phase where the socket is in its life
 * @param channel its channel now (it changes at {@code listen} and after a failed connect)
 * @param inputShutdown {@code shutdown(SHUT_RD)} was called (on a datagram socket only sockit knows)
 * @param outputShutdown {@code shutdown(SHUT_WR)} was called (on a datagram socket only sockit knows)
 * @param bufferedInput a peek left bytes or a datagram that the next receive returns
 * @param pendingError the error a call or {@code SO_ERROR} reports next (Linux's {@code sk_err})
 * @param resetSeen a receive or a probe found the connection reset (Linux's {@code SHUTDOWN_MASK})
 */
record SocketStatus(Phase phase, SelectableChannel channel, boolean inputShutdown, boolean outputShutdown,
        boolean bufferedInput, Optional<Errno> pendingError, boolean resetSeen) {

    /** The socket's state, as {@link Socket} keeps it. */
    enum Phase { UNCONNECTED, CONNECTING, CONNECTED, LISTENING, CLOSED }

    /** What one non-blocking read into the read-ahead buffer found ({@link PollProbe#probeStream}). */
    enum Probe {
        /** Bytes, now in the read-ahead buffer. */
        DATA,
        /** End of stream. */
        EOF,
        /** A broken connection; its errno is now pending. */
        ERROR,
        /** Nothing yet, or the socket is not a connected stream. */
        NOTHING,
        /** A receive holds the read lock: it will take whatever is there. */
        BUSY
    }
}
