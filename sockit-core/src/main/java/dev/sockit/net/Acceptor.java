package dev.sockit.net;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The accept loop of a listening socket: one non-blocking {@code accept} at a time, waiting on
 * the socket's read {@link Waiter} as the call's {@link Deadline} allows, and the accepted
 * channel wrapped as a connected {@link Socket} with the options the listener had set (as
 * Linux copies them).
 *
 * <p>Stateless; the caller holds its socket's {@code readLock}. It takes the socket's
 * {@code stateLock} only briefly, never while waiting.
 */
final class Acceptor {
    private final Socket socket;

    Acceptor(Socket socket) {
        this.socket = socket;
    }

    /** Accepts a connection, as {@link Socket#accept} says. */
    Accepted accept(Deadline deadline) throws IOException {
        while (true) {
            ServerSocketChannel server = listening();
            SocketChannel accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                listening();
                throw socket.failure(e, "accept", "", Errno.EINVAL);
            }
            if (accepted != null) {
                return wrapAccepted(accepted);
            }
            if (!socket.await(socket.readWaiter, server, SelectionKey.OP_ACCEPT, deadline, "accept")) {
                throw deadline.cannotWait("accept");
            }
        }
    }

    /** The listening channel, or the error accept gets on this socket now. */
    private ServerSocketChannel listening() throws IOException {
        socket.stateLock.lock();
        try {
            socket.ensureOpenStream("accept");
            if (socket.state != Socket.State.LISTENING) {
                throw Errors.of(Errno.EINVAL, "accept", "", "the socket is not listening");
            }
            return (ServerSocketChannel) socket.channel;
        } finally {
            socket.stateLock.unlock();
        }
    }

    /** The accepted channel as a connected socket and its peer; closes the channel on failure. */
    private Accepted wrapAccepted(SocketChannel accepted) throws IOException {
        try {
            accepted.configureBlocking(false);
            SocketOptions inherited;
            socket.stateLock.lock();
            try {
                inherited = socket.options.inherited();
                inherited.transfer(accepted);
            } finally {
                socket.stateLock.unlock();
            }
            Socket connected = new Socket(socket.family, socket.type, socket.proto(), accepted, Socket.State.CONNECTED,
                    inherited, false);
            return new Accepted(connected, SockAddrs.fromJdk(accepted.getRemoteAddress(), socket.family));
        } catch (IOException | RuntimeException e) {
            accepted.close();
            throw socket.failure(e, "accept", "", Errno.ECONNABORTED);
        }
    }
}
