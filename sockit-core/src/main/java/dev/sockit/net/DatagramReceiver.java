package dev.sockit.net;

import dev.sockit.addr.SockAddr;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Optional;

/**
 * The receive path of a {@code SOCK_DGRAM} socket: one datagram a call, cut to the caller's
 * buffer with its real length kept ({@code MSG_TRUNC}), and a datagram a {@code MSG_PEEK} took
 * from the channel, handed out again by the next receive.
 *
 * <p>Datagrams are received whole into a direct buffer larger than any (allocated on the
 * first), so their real length is known. Not thread-safe: the caller holds its socket's
 * {@code readLock}, which guards this object's state.
 */
final class DatagramReceiver {
    /** Larger than any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6). */
    private static final int MAX_DATAGRAM = 65_536;

    /** A datagram a peek has taken from the channel. */
    private record Peeked(byte[] data, SockAddr source) {
    }

    private final Socket socket;
    /** A datagram a peek took from the channel. */
    private Optional<Peeked> peeked = Optional.empty();
    /** Where datagrams are received, allocated on the first. */
    private ByteBuffer whole;

    DatagramReceiver(Socket socket) {
        this.socket = socket;
    }

    /** Whether a peek left a datagram here. */
    boolean hasPeeked() {
        return peeked.isPresent();
    }

    /**
     * Receives one datagram (or takes the one a peek left), stores what fits of it in
     * {@code buffer}, and keeps it if peeking. Waits as {@code deadline} allows; after
     * {@code SHUT_RD}, end of stream ({@code EAGAIN} when it may not wait).
     */
    Received receive(ByteBuffer buffer, int flags, Deadline deadline, String call) throws IOException {
        boolean peek = (flags & Socket.MSG_PEEK) != 0;
        if (peeked.isEmpty()) {
            SocketAddress from = receiveWhole(deadline, call);
            if (from == null) {
                return new Received(0, 0, socket.streamPeer(call));
            }
            whole.flip();
            SockAddr source = SockAddrs.fromJdk(from, socket.family);
            int length = whole.remaining();
            if (!peek) {
                int stored = Math.min(length, buffer.remaining());
                buffer.put(whole.limit(stored));
                return new Received(stored, length, source);
            }
            byte[] data = new byte[length];
            whole.get(data);
            peeked = Optional.of(new Peeked(data, source));
        }
        Peeked datagram = peeked.get();
        int stored = Math.min(datagram.data().length, buffer.remaining());
        buffer.put(datagram.data(), 0, stored);
        if (!peek) {
            peeked = Optional.empty();
        }
        return new Received(stored, datagram.data().length, datagram.source());
    }

    /**
     * One channel receive at a time into {@link #whole}, waiting when there is nothing; the
     * sender, or {@code null} for end of stream after {@code SHUT_RD}.
     */
    private SocketAddress receiveWhole(Deadline deadline, String call) throws IOException {
        if (whole == null) {
            whole = ByteBuffer.allocateDirect(MAX_DATAGRAM);
        }
        while (true) {
            DatagramChannel datagrams;
            boolean bound;
            socket.stateLock.lock();
            try {
                socket.ensureOpen(call, "");
                datagrams = (DatagramChannel) socket.channel;
                bound = socket.localAddress().isPresent();
            } finally {
                socket.stateLock.unlock();
            }
            whole.clear();
            SocketAddress from;
            try {
                // The JDK binds an unbound channel to receive; Linux just finds nothing.
                from = bound ? datagrams.receive(whole) : null;
            } catch (IOException | RuntimeException e) {
                throw socket.failure(e, call, "", Errno.EIO);
            }
            if (from != null) {
                return from;
            }
            if (socket.inputShutdown) {
                if (deadline.isNonBlocking()) {
                    throw deadline.cannotWait(call);
                }
                return null;
            }
            if (!socket.await(socket.readWaiter, datagrams, SelectionKey.OP_READ, deadline, call)) {
                throw deadline.cannotWait(call);
            }
        }
    }
}
