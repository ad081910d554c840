package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.UnixSockAddr;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The two places where a {@code SOCK_STREAM} socket's channel is replaced, because the JDK has
 * one channel class per role where C has one descriptor (see {@link Socket}'s design note): at
 * {@code listen}, a {@code ServerSocketChannel} bound to the same address takes the place of
 * the {@code SocketChannel}; after a failed connect or a shutdown of a listening or connecting
 * socket, a fresh unconnected {@code SocketChannel} does. Options set before are carried over.
 *
 * <p>Stateless; each method names the locks of its socket it takes or needs held.
 */
final class ChannelSwap {
    private final Socket socket;

    ChannelSwap(Socket socket) {
        this.socket = socket;
    }

    /**
     * Makes the socket listen, as {@link Socket#listen} says; takes the read, write and state
     * locks, unless the socket listens already. Does not block.
     */
    void listen(int backlog) throws IOException {
        if (alreadyListening()) {
            return;
        }
        socket.readLock.lock();
        socket.writeLock.lock();
        socket.stateLock.lock();
        try {
            if (alreadyListening()) {
                return;
            }
            if (socket.state != Socket.State.UNCONNECTED) {
                throw Errors.of(Errno.EINVAL, "listen", "", "the socket is connected");
            }
            Optional<SocketAddress> local = socket.localAddress();
            if (socket.family == AddressFamily.AF_UNIX && local.isEmpty()) {
                throw Errors.of(Errno.EINVAL, "listen", "", "an AF_UNIX socket must be bound first");
            }
            swapToListener(local, Math.max(1, backlog));
        } finally {
            socket.stateLock.unlock();
            socket.writeLock.unlock();
            socket.readLock.unlock();
        }
    }

    /**
     * Whether the socket listens already, which {@code listen} answers without waiting for a
     * thread in {@code accept} to let go of the read lock; or the error {@code listen} gets.
     */
    private boolean alreadyListening() throws IOException {
        socket.stateLock.lock();
        try {
            socket.ensureOpenStream("listen");
            return socket.state == Socket.State.LISTENING;
        } finally {
            socket.stateLock.unlock();
        }
    }

    /** With read, write and state locks held: replaces the stream channel by a listening one. */
    private void swapToListener(Optional<SocketAddress> local, int backlog) throws IOException {
        SocketChannel old = (SocketChannel) socket.channel;
        ServerSocketChannel server = null;
        try {
            socket.options.remember(old);
            socket.readWaiter.reset();
            socket.writeWaiter.reset();
            old.close();
            server = ServerSocketChannel.open(NioChannels.protocolFamily(socket.family));
            server.configureBlocking(false);
            socket.options.transfer(server);
            if (local.isPresent() && local.get() instanceof UnixDomainSocketAddress unix) {
                Files.deleteIfExists(unix.getPath());
            }
            server.bind(local.orElse(null), backlog);
            socket.channel = server;
            socket.state = Socket.State.LISTENING;
        } catch (IOException | RuntimeException e) {
            IOException error = JdkErrors.map(e, "listen", "", Errno.EADDRINUSE);
            try {
                if (server != null) {
                    server.close();
                }
                replaceChannel();
            } catch (IOException alsoFailed) {
                error.addSuppressed(alsoFailed);
            }
            throw error;
        }
    }

    /**
     * With stateLock held: replaces the channel by a new unconnected {@code SocketChannel} with
     * the options set, bound to what {@code bind} was given (a port of 0 picks a new port).
     * Waiting threads wake and see the new state. The new channel is opened after the old one
     * is closed, so it gets the same descriptor number (the lowest free one) unless another
     * thread opens a file in between, and {@link Socket#fileno} stays what it was, as in C.
     */
    void replaceChannel() throws IOException {
        SelectableChannel old = socket.channel;
        socket.readWaiter.reset();
        socket.writeWaiter.reset();
        try {
            old.close();
            SocketChannel fresh = NioChannels.openStream(socket.family);
            socket.options.transfer(fresh);
            socket.channel = fresh;
            socket.state = Socket.State.UNCONNECTED;
            if (socket.boundTo.isPresent()) {
                if (socket.boundTo.get() instanceof UnixSockAddr unix && !unix.isUnnamed()) {
                    Files.deleteIfExists(Path.of(unix.path()));
                }
                fresh.bind(SockAddrs.toJdk(socket.boundTo.get()));
            }
        } catch (IOException | RuntimeException e) {
            throw JdkErrors.map(e, "bind", socket.boundTo.map(SockAddrs::text).orElse(""), Errno.EADDRINUSE);
        }
    }
}
