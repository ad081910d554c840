package dev.sockit.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * The receive path of a {@code SOCK_STREAM} socket: bytes a {@code MSG_PEEK} left in the
 * read-ahead buffer first, then channel reads, with {@code MSG_WAITALL}, and the sticky
 * end of stream after a reset, as Linux reads it. Also the probe {@link PollProbe#probeStream}
 * makes for select and poll, which reads into the same buffer.
 *
 * <p>Not thread-safe: the caller holds its socket's {@code readLock}, which guards this
 * object's state; it takes the socket's {@code stateLock} only briefly, never while waiting.
 */
final class StreamReceiver {
    /** At most how many bytes a probe for poll reads ahead when it cannot ask how many are waiting. */
    static final int POLL_PROBE_BYTES = 8192;

    private final Socket socket;
    /** Bytes a peek (or a probe) took from the channel. */
    private final ReadAhead readAhead = new ReadAhead();
    /** Whether a receive reported {@code ECONNRESET}, after which receives read end of stream. */
    private boolean resetReported;
    /** Whether poll found the connection broken (its error then pending). */
    private boolean pollFoundError;

    StreamReceiver(Socket socket) {
        this.socket = socket;
    }

    /** Whether bytes a peek or a probe read wait here. */
    boolean hasBuffered() {
        return readAhead.available() > 0;
    }

    /** Whether the connection was found broken, after which receives read end of stream. */
    boolean readsEndOfStream() {
        return resetReported || pollFoundError;
    }

    /**
     * Receives from a stream: bytes a peek left come first; then one channel read at a time,
     * waiting when there is nothing, until one byte is there ({@link Socket#MSG_WAITALL}: all that
     * fit), end of stream, or the deadline (returning what came, or failing if nothing did).
     */
    int receive(ByteBuffer buffer, int flags, Deadline deadline, String call) throws IOException {
        boolean peek = (flags & Socket.MSG_PEEK) != 0;
        int wanted = buffer.remaining();
        int need = (flags & Socket.MSG_WAITALL) != 0 ? wanted : Math.min(1, wanted);
        SocketChannel stream = socket.connecting.connectedStream(false, call, deadline);
        int got = peek ? 0 : readAhead.drainTo(buffer);
        int have = peek ? readAhead.available() : got;
        while (have < need && !resetReported) {
            int n;
            try {
                n = peek ? readAhead.fillFrom(stream, wanted) : stream.read(buffer);
            } catch (IOException | RuntimeException e) {
                if (have > 0) {
                    break;
                }
                IOException error = socket.failure(e, call, "", Errno.EIO);
                resetReported = error instanceof SocketError socketError && socketError.errno() == Errno.ECONNRESET;
                throw error;
            }
            if (n < 0) {
                break;
            }
            got += peek ? 0 : n;
            have += n;
            if (n == 0 && !socket.await(socket.readWaiter, stream, SelectionKey.OP_READ, deadline, call)) {
                if (have > 0) {
                    break;
                }
                throw deadline.cannotWait(call);
            }
            stream = socket.connecting.connectedStream(false, call, deadline);
        }
        if (have > 0 && have < wanted && !resetReported) {
            got += topUp(stream, buffer, peek, wanted);
        }
        return peek ? readAhead.copyTo(buffer) : got;
    }

    /**
     * After bytes came from the read-ahead buffer, one more read that does not wait, so a
     * call returns what the kernel also holds, up to the space asked for, as Linux's recv does.
     * A failure here is left for the next call to report.
     *
     * @return the bytes stored in {@code buffer} (0 when peeking: they went to the read-ahead buffer)
     */
    private int topUp(SocketChannel stream, ByteBuffer buffer, boolean peek, int wanted) {
        try {
            if (peek) {
                readAhead.fillFrom(stream, wanted);
                return 0;
            }
            return Math.max(0, stream.read(buffer));
        } catch (IOException | RuntimeException leftForTheNextCall) {
            return 0;
        }
    }

    /** The probe of {@link PollProbe#probeStream}; the caller holds the read lock. Does not block. */
    SocketStatus.Probe probe() {
        if (hasBuffered()) {
            return SocketStatus.Probe.DATA;
        }
        if (readsEndOfStream()) {
            return SocketStatus.Probe.EOF;
        }
        SocketChannel stream;
        socket.stateLock.lock();
        try {
            if (socket.state != Socket.State.CONNECTED || !(socket.channel instanceof SocketChannel connected)) {
                return SocketStatus.Probe.NOTHING;
            }
            stream = connected;
        } finally {
            socket.stateLock.unlock();
        }
        int n;
        try {
            if (waitingBytes(stream) > 0) {
                return SocketStatus.Probe.DATA;
            }
            n = readAhead.fillFrom(stream, POLL_PROBE_BYTES);
        } catch (IOException | RuntimeException e) {
            Optional<Errno> errno = JdkErrors.errno(e).filter(number -> number != Errno.EBADF);
            socket.stateLock.lock();
            try {
                if (socket.state == Socket.State.CLOSED || errno.isEmpty()) {
                    return SocketStatus.Probe.NOTHING;
                }
                socket.pendingError = errno;
            } finally {
                socket.stateLock.unlock();
            }
            pollFoundError = true;
            resetReported = errno.get() == Errno.ECONNRESET;
            return SocketStatus.Probe.ERROR;
        }
        return n > 0 ? SocketStatus.Probe.DATA : n < 0 ? SocketStatus.Probe.EOF : SocketStatus.Probe.NOTHING;
    }

    /** Bytes waiting in the kernel ({@code FIONREAD}), -1 where the JDK cannot tell (UNIX sockets). */
    private static int waitingBytes(SocketChannel stream) {
        try {
            return stream.socket().getInputStream().available();
        } catch (IOException | UnsupportedOperationException cannotTell) {
            return -1;
        }
    }
}
