package dev.sockit.net;

import dev.sockit.addr.SockAddr;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * The send paths of a socket: loops of one non-blocking channel write at a time that wait on
 * the socket's write {@link Waiter} for room, as the call's {@link Deadline} allows, with the
 * errors Linux gives ({@code EPIPE}, {@code EDESTADDRREQ}, {@code EAGAIN}, ...).
 *
 * <p>Stateless; the caller holds its socket's {@code writeLock}. It takes the socket's
 * {@code stateLock} only briefly, never while waiting.
 */
final class Sender {
    private final Socket socket;

    Sender(Socket socket) {
        this.socket = socket;
    }

    /**
     * Sends on a stream: one channel write at a time, waiting for room, until all is sent or
     * the deadline (returning the count so far, or failing if nothing was sent; {@code all}
     * fails either way).
     */
    int sendStream(ByteBuffer buffer, Deadline deadline, boolean all, String call) throws IOException {
        int sent = 0;
        do {
            SocketChannel stream = socket.connecting.connectedStream(true, call, deadline);
            int n;
            try {
                n = stream.write(buffer);
            } catch (IOException | RuntimeException e) {
                if (sent > 0 && !all) {
                    return sent;
                }
                throw socket.failure(e, call, "", Errno.EPIPE);
            }
            sent += n;
            if (n == 0 && buffer.hasRemaining()
                    && !socket.await(socket.writeWaiter, stream, SelectionKey.OP_WRITE, deadline, call)) {
                if (sent > 0 && !all) {
                    return sent;
                }
                throw deadline.cannotWait(call);
            }
        } while (buffer.hasRemaining());
        return sent;
    }

    /** Sends one datagram, to {@code target} or the connected peer, waiting for room. */
    int sendDatagram(ByteBuffer buffer, Optional<SockAddr> target, Deadline deadline, String call)
            throws IOException {
        String text = target.map(SockAddrs::text).orElse("");
        Optional<SocketAddress> to = Optional.empty();
        if (target.isPresent()) {
            socket.checkFamily(call, target.get());
            to = Optional.of(SockAddrs.toJdk(target.get()));
        }
        int length = buffer.remaining();
        while (true) {
            DatagramChannel datagrams;
            socket.stateLock.lock();
            try {
                socket.ensureOpen(call, text);
                if (socket.outputShutdown) {
                    throw Errors.of(Errno.EPIPE, call, text, "the socket is shut down for writing");
                }
                datagrams = (DatagramChannel) socket.channel;
                if (to.isEmpty() && !datagrams.isConnected()) {
                    throw Errors.of(Errno.EDESTADDRREQ, call, text);
                }
            } finally {
                socket.stateLock.unlock();
            }
            int n;
            try {
                n = to.isPresent() ? datagrams.send(buffer, to.get()) : datagrams.write(buffer);
            } catch (IOException | RuntimeException e) {
                throw socket.failure(e, call, text, Errno.EINVAL);
            }
            if (n > 0 || length == 0) {
                return n;
            }
            if (!socket.await(socket.writeWaiter, datagrams, SelectionKey.OP_WRITE, deadline, call)) {
                throw deadline.cannotWait(call);
            }
        }
    }
}
