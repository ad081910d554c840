package dev.sockit.net;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * {@code shutdown} by the socket's state, as {@link Socket#shutdown} describes it: a connected
 * stream shuts its channel's input or output down; a listening socket stops listening on
 * {@code SHUT_RD} and a connecting one abandons the attempt, both on a fresh channel
 * ({@link ChannelSwap}); a connected datagram socket is only marked. Stateless; takes the
 * socket's {@code stateLock}. Does not block.
 */
final class Shutdown {
    private Shutdown() {
    }

    /** Shuts {@code socket} down as {@code how} says, or fails as {@link Socket#shutdown} says. */
    static void shutdown(Socket socket, int how) throws IOException {
        socket.stateLock.lock();
        try {
            socket.ensureOpen("shutdown", "");
            if (how < Socket.SHUT_RD || how > Socket.SHUT_RDWR) {
                throw Errors.of(Errno.EINVAL, "shutdown", "", "how: " + how + " (expected: 0-2)");
            }
            boolean read = how != Socket.SHUT_WR;
            boolean write = how != Socket.SHUT_RD;
            socket.connecting.pollConnect();
            switch (socket.state) {
                case LISTENING -> {
                    if (read) {
                        socket.channels.replaceChannel();
                    }
                }
                case CONNECTING -> socket.channels.replaceChannel();
                case CONNECTED -> {
                    if (socket.channel instanceof SocketChannel stream) {
                        try {
                            if (read) {
                                stream.shutdownInput();
                            }
                            if (write) {
                                stream.shutdownOutput();
                            }
                        } catch (IOException e) {
                            throw socket.failure(e, "shutdown", "", Errno.ENOTCONN);
                        }
                    }
                    socket.inputShutdown |= read;
                    socket.outputShutdown |= write;
                    if (read) {
                        socket.readWaiter.wakeup();
                    }
                }
                default -> throw Errors.of(Errno.ENOTCONN, "shutdown", "");
            }
        } finally {
            socket.stateLock.unlock();
        }
    }
}
