package dev.sockit.bench;

import java.nio.ByteBuffer;

/**
 * The header at the start of every benchmark datagram, big-endian: the session's cookie (8
 * bytes), the stream (4), the kind (4), a sequence number (8) and the sender's
 * {@code System.nanoTime()} (8). The rest of the datagram is padding up to {@code -l} bytes.
 * Absolute gets and puts: the buffer's position and limit are left alone.
 */
final class Datagrams {
    /** Header bytes. */
    static final int HEADER = 32;
    /** Data of a throughput stream, counted by the receiver. */
    static final int DATA = 0;
    /** A client asking the server to start sending a reverse stream to the datagram's source. */
    static final int HELLO = 1;
    /** A latency probe: the server sends it back unchanged. */
    static final int ECHO = 2;

    private Datagrams() {
    }

    static void header(ByteBuffer b, long cookie, int stream, int kind) {
        b.putLong(0, cookie).putInt(8, stream).putInt(12, kind);
    }

    static void stamp(ByteBuffer b, long seq, long nanos) {
        b.putLong(16, seq).putLong(24, nanos);
    }

    static long cookie(ByteBuffer b) {
        return b.getLong(b.position());
    }

    static int stream(ByteBuffer b) {
        return b.getInt(b.position() + 8);
    }

    static int kind(ByteBuffer b) {
        return b.getInt(b.position() + 12);
    }

    static long seq(ByteBuffer b) {
        return b.getLong(b.position() + 16);
    }

    static long nanos(ByteBuffer b) {
        return b.getLong(b.position() + 24);
    }
}
