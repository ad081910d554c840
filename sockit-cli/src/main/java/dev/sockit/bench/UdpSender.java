package dev.sockit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends one stream of numbered, time-stamped datagrams ({@link Datagrams}) on a connected
 * channel, as fast as the kernel takes them or paced to a bit rate, until a deadline. The
 * buffer is allocated once; sending allocates nothing.
 */
final class UdpSender {
    private final DatagramChannel channel;
    private final ByteBuffer buffer;
    private final long nanosPerDatagram;
    private volatile long sent;

    /**
     * @param bitsPerSecond the target rate (datagram bytes, no IP/UDP headers), 0 for as fast as possible
     */
    UdpSender(DatagramChannel channel, long cookie, int stream, int length, long bitsPerSecond) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocateDirect(length);
        Datagrams.header(buffer, cookie, stream, Datagrams.DATA);
        this.nanosPerDatagram = bitsPerSecond == 0 ? 0 : Math.max(1, (long) (length * 8 * 1e9 / bitsPerSecond));
    }

    /**
     * Sends until {@code deadline} ({@code System.nanoTime()}) or until {@code stop} says so.
     * Blocks (in {@code write} when the send buffer is full, and to keep the pace).
     * @throws IOException if a send fails (the peer's port unreachable, the channel closed)
     */
    void run(long deadline, BooleanSupplier stop) throws IOException {
        long next = System.nanoTime();
        long seq = sent;
        while (true) {
            long now = System.nanoTime();
            if (now - deadline >= 0 || (seq & 63) == 0 && stop.getAsBoolean()) {
                return;
            }
            if (nanosPerDatagram > 0) {
                long ahead = next - now;
                if (ahead > 100_000) {
                    LockSupport.parkNanos(ahead);
                    continue;
                }
                next = Math.max(next, now - 10_000_000) + nanosPerDatagram;
            }
            Datagrams.stamp(buffer, seq, now);
            buffer.clear();
            channel.write(buffer);
            sent = ++seq;
        }
    }

    /** Datagrams sent so far. */
    long sent() {
        return sent;
    }

    /** Bytes sent so far. */
    long bytes() {
        return sent * buffer.capacity();
    }
}
