package dev.sockit.net;

import dev.sockit.addr.SockAddr;
import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * The connect state machine of a socket, as Linux runs it: a stream goes
 * {@code UNCONNECTED -> CONNECTING -> CONNECTED}, reports {@code EINPROGRESS}, {@code EALREADY},
 * then 0 once, then {@code EISCONN}; a failed connect leaves its errno pending (the socket's
 * {@code pendingError}, {@code SO_ERROR}) and the socket usable on a fresh channel. A datagram
 * connect only sets the peer.
 *
 * <p>Locks: {@link #connectStream} runs with the socket's read and write locks held,
 * {@link #connectedStream} with the lock of the call's direction; both take the
 * {@code stateLock} only briefly, never while waiting. The other methods say what they need.
 */
final class Connecting {
    private final Socket socket;
    /** Whether a connect call has reported the connection ({@code 0}, then {@code EISCONN}); guarded by stateLock. */
    private boolean connectReported;

    Connecting(Socket socket, boolean connected) {
        this.socket = socket;
        this.connectReported = connected;
    }

    /**
     * Connects a stream socket, or reports on the attempt under way; waits as
     * {@code deadline} allows. The caller holds the read and write locks.
     */
    void connectStream(SockAddr address, Deadline deadline) throws IOException {
        String target = SockAddrs.text(address);
        SocketChannel stream;
        socket.stateLock.lock();
        try {
            socket.ensureOpen("connect", target);
            socket.checkFamily("connect", address);
            pollConnect();
            throwPendingError("connect", target);
            switch (socket.state) {
                case CONNECTED -> {
                    if (connectReported) {
                        throw Errors.of(Errno.EISCONN, "connect", target);
                    }
                    connectReported = true;
                    return;
                }
                case LISTENING -> throw Errors.of(Errno.EISCONN, "connect", target, "the socket is listening");
                case CONNECTING -> {
                    if (deadline.isNonBlocking()) {
                        throw Errors.of(Errno.EALREADY, "connect", target);
                    }
                }
                default -> {
                    if (startConnect(address, target)) {
                        return;
                    }
                    if (deadline.isNonBlocking()) {
                        throw Errors.of(Errno.EINPROGRESS, "connect", target);
                    }
                }
            }
            stream = (SocketChannel) socket.channel;
        } finally {
            socket.stateLock.unlock();
        }
        awaitConnected(stream, deadline, target);
    }

    /** Starts a connection from {@code UNCONNECTED}; whether it completed at once. */
    private boolean startConnect(SockAddr address, String target) throws IOException {
        SocketChannel stream = (SocketChannel) socket.channel;
        try {
            if (stream.connect(SockAddrs.toJdk(address))) {
                socket.state = Socket.State.CONNECTED;
                connectReported = true;
                return true;
            }
            socket.state = Socket.State.CONNECTING;
            return false;
        } catch (IOException | RuntimeException e) {
            IOException error = socket.failure(e, "connect", target, Errno.ECONNREFUSED);
            if (!stream.isOpen()) {
                socket.channels.replaceChannel();
            }
            throw error;
        }
    }

    /** Waits (holding the read and write locks) for a pending connection to be made or fail. */
    private void awaitConnected(SocketChannel stream, Deadline deadline, String target) throws IOException {
        while (true) {
            if (!socket.await(socket.writeWaiter, stream, SelectionKey.OP_CONNECT, deadline, "connect")) {
                throw deadline.kind() == Deadline.Kind.TIMEOUT
                        ? Errors.of(Errno.ETIMEDOUT, "connect", target, "timed out")
                        : Errors.of(Errno.EINPROGRESS, "connect", target);
            }
            socket.stateLock.lock();
            try {
                socket.ensureOpen("connect", target);
                pollConnect();
                throwPendingError("connect", target);
                if (socket.state == Socket.State.CONNECTED) {
                    connectReported = true;
                    return;
                }
                if (socket.state != Socket.State.CONNECTING) {
                    throw Errors.of(Errno.ECONNABORTED, "connect", target, "the attempt was abandoned");
                }
                stream = (SocketChannel) socket.channel;
            } finally {
                socket.stateLock.unlock();
            }
        }
    }

    /**
     * With stateLock held: if a connection is pending, asks the channel whether it completed.
     * A failed connect leaves its errno pending ({@code SO_ERROR}, or the next call) and the
     * socket unconnected on a fresh channel, as a C socket stays usable.
     */
    void pollConnect() throws IOException {
        if (socket.state != Socket.State.CONNECTING) {
            return;
        }
        SocketChannel stream = (SocketChannel) socket.channel;
        try {
            if (stream.finishConnect()) {
                socket.state = Socket.State.CONNECTED;
            }
        } catch (IOException | RuntimeException e) {
            socket.pendingError = Optional.of(JdkErrors.errno(e).orElse(Errno.ECONNREFUSED));
            socket.channels.replaceChannel();
        }
    }

    /** Sets (or changes) a datagram socket's peer. Takes the stateLock; does not block. */
    void connectDatagram(SockAddr address) throws IOException {
        String target = SockAddrs.text(address);
        socket.stateLock.lock();
        try {
            socket.ensureOpen("connect", target);
            socket.checkFamily("connect", address);
            DatagramChannel datagrams = (DatagramChannel) socket.channel;
            try {
                if (datagrams.isConnected()) {
                    datagrams.disconnect();
                }
                datagrams.connect(SockAddrs.toJdk(address));
                socket.state = Socket.State.CONNECTED;
            } catch (IOException | RuntimeException e) {
                socket.state = datagrams.isConnected() ? Socket.State.CONNECTED : Socket.State.UNCONNECTED;
                throw socket.failure(e, "connect", target, Errno.EINVAL);
            }
        } finally {
            socket.stateLock.unlock();
        }
    }

    /**
     * The connected stream channel, for a receive ({@code sending} false) or a send, or the
     * error Linux gives: {@code ENOTCONN} for a receive and {@code EPIPE} for a send when not
     * connected, {@code EPIPE} for a send after {@code SHUT_WR}, the error of a failed connect.
     * A pending connection is waited for, on the waiter of the call's direction, as the
     * deadline allows.
     */
    SocketChannel connectedStream(boolean sending, String call, Deadline deadline) throws IOException {
        while (true) {
            SocketChannel pending;
            socket.stateLock.lock();
            try {
                socket.ensureOpen(call, "");
                pollConnect();
                throwPendingError(call, "");
                if (sending && socket.outputShutdown) {
                    throw Errors.of(Errno.EPIPE, call, "", "the socket is shut down for writing");
                }
                if (socket.state == Socket.State.CONNECTED) {
                    return (SocketChannel) socket.channel;
                }
                if (socket.state != Socket.State.CONNECTING) {
                    throw sending
                            ? Errors.of(Errno.EPIPE, call, "", "the socket is not connected")
                            : Errors.of(Errno.ENOTCONN, call, "");
                }
                pending = (SocketChannel) socket.channel;
            } finally {
                socket.stateLock.unlock();
            }
            Waiter waiter = sending ? socket.writeWaiter : socket.readWaiter;
            if (!socket.await(waiter, pending, SelectionKey.OP_CONNECT, deadline, call)) {
                throw deadline.cannotWait(call);
            }
        }
    }

    /** With stateLock held: reports (and clears) the error of a failed connect, as Linux reports {@code sk_err} once. */
    void throwPendingError(String call, String target) throws IOException {
        if (socket.pendingError.isPresent()) {
            Errno failed = socket.pendingError.get();
            socket.pendingError = Optional.empty();
            throw Errors.of(failed, call, target);
        }
    }
}
