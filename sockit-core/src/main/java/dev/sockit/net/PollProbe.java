package dev.sockit.net;

import dev.sockit.addr.SocketType;
import dev.sockit.internal.NioInternals;
import java.io.IOException;
import java.util.Optional;

/**
 * What {@link Select}, {@link Poll} and {@code SO_ERROR} learn of a socket without blocking:
 * its state at one moment, the probe that tells data from end of stream from a broken
 * connection, and the pending error.
 *
 * <p>Stateless; each method takes the socket's locks it needs, the read lock only with
 * {@code tryLock}, so a receive in progress never makes select or poll wait.
 */
final class PollProbe {
    private final Socket socket;

    PollProbe(Socket socket) {
        this.socket = socket;
    }

    /**
     * The socket as {@link Select} and {@link Poll} see it now. Does not block: bytes a peek
     * left count only when no receive holds the read lock.
     */
    SocketStatus status() {
        boolean buffered = false;
        boolean reset = false;
        if (socket.readLock.tryLock()) {
            try {
                buffered = socket.streamReceiver.hasBuffered() || socket.datagramReceiver.hasPeeked();
                reset = socket.streamReceiver.readsEndOfStream();
            } finally {
                socket.readLock.unlock();
            }
        }
        socket.stateLock.lock();
        try {
            SocketStatus.Phase phase = switch (socket.state) {
                case UNCONNECTED -> SocketStatus.Phase.UNCONNECTED;
                case CONNECTING -> SocketStatus.Phase.CONNECTING;
                case CONNECTED -> SocketStatus.Phase.CONNECTED;
                case LISTENING -> SocketStatus.Phase.LISTENING;
                case CLOSED -> SocketStatus.Phase.CLOSED;
            };
            return new SocketStatus(phase, socket.channel, socket.inputShutdown, socket.outputShutdown, buffered,
                    socket.pendingError, reset);
        } finally {
            socket.stateLock.unlock();
        }
    }

    /**
     * For select and poll, on a connected stream that NIO finds readable or the kernel reports in
     * error: tells data from end of stream from a broken connection. Data is left where it is
     * when the kernel can say how much is waiting ({@code FIONREAD}, TCP); otherwise one
     * non-blocking read of up to {@value StreamReceiver#POLL_PROBE_BYTES} bytes moves it to the
     * read-ahead buffer, where the next receive finds it (as after a peek). A broken connection's errno stays pending for {@code SO_ERROR}
     * or the next receive or send, as Linux keeps it until one reports it; receives after that
     * read end of stream. Does not block: {@code BUSY} if a receive holds the read lock.
     */
    SocketStatus.Probe probeStream() {
        if (!socket.readLock.tryLock()) {
            return SocketStatus.Probe.BUSY;
        }
        try {
            return socket.streamReceiver.probe();
        } finally {
            socket.readLock.unlock();
        }
    }

    /**
     * For select and poll: asks a pending connection whether it completed, as every call on the
     * socket does first (a failed one leaves its errno pending and a fresh channel in place;
     * see {@link Socket}'s design note). Does not block.
     *
     * @throws SocketError if the fresh channel cannot be bound where the old one was
     */
    void finishConnect() throws IOException {
        socket.stateLock.lock();
        try {
            if (socket.state != Socket.State.CLOSED) {
                socket.connecting.pollConnect();
            }
        } finally {
            socket.stateLock.unlock();
        }
    }

    /**
     * {@code SO_ERROR}: sockit's pending error (a failed connect, or one a probe took from the
     * kernel) first; else, on a connected socket, the kernel's, read with {@code getsockopt}
     * where the JVM lets sockit, else (streams only) moved to sockit's side by the probe
     * {@link #probeStream} that poll uses. Reading clears it, here as in the kernel.
     */
    int soError() throws IOException {
        boolean kernel = NioInternals.rawOptionsAvailable();
        if (!kernel && socket.type == SocketType.SOCK_STREAM) {
            probeStream();
        }
        socket.stateLock.lock();
        try {
            socket.ensureOpen("getsockopt", "SO_ERROR");
            socket.connecting.pollConnect();
            if (socket.pendingError.isPresent()) {
                int pending = socket.pendingError.get().number();
                socket.pendingError = Optional.empty();
                return pending;
            }
            if (!kernel || socket.state != Socket.State.CONNECTED) {
                return 0;
            }
            try {
                return NioInternals.getIntOption(socket.channel, SockOpt.SOL_SOCKET, SockOpt.SO_ERROR);
            } catch (IOException e) {
                throw socket.failure(e, "getsockopt", "SO_ERROR", Errno.EBADF);
            }
        } finally {
            socket.stateLock.unlock();
        }
    }
}
