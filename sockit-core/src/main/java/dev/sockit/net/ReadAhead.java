package dev.sockit.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Bytes a stream socket has read from its channel but not yet handed out: what a
 * {@code MSG_PEEK} leaves behind. NIO cannot peek, so a peek reads and keeps the bytes here,
 * and every later receive takes them from here first.
 *
 * <p>Bounded: the buffer grows to the largest count a peek asked for and no further. Not
 * thread-safe: its socket's read lock guards it.
 */
final class ReadAhead {
    private byte[] bytes = new byte[0];
    private int start;
    private int end;

    /** How many bytes are held. */
    int available() {
        return end - start;
    }

    /** Moves as many held bytes as fit into {@code dst}; returns how many. */
    int drainTo(ByteBuffer dst) {
        int n = copyTo(dst);
        skip(n);
        return n;
    }

    /** Copies as many held bytes as fit into {@code dst}, keeping them held; returns how many. */
    int copyTo(ByteBuffer dst) {
        int n = Math.min(available(), dst.remaining());
        dst.put(bytes, start, n);
        return n;
    }

    /** Drops {@code n} held bytes, {@code n <= available()}. */
    void skip(int n) {
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /**
     * One read from {@code channel} into the room behind the held bytes, for at most
     * {@code wanted - available()} bytes, growing the buffer to {@code wanted} if needed.
     *
     * @return the read's result: bytes read, 0 if none were ready, -1 at end of stream
     */
    int fillFrom(ReadableByteChannel channel, int wanted) throws IOException {
        int held = available();
        if (bytes.length < wanted || start + wanted > bytes.length) {
            byte[] moved = bytes.length < wanted ? new byte[wanted] : bytes;
            System.arraycopy(bytes, start, moved, 0, held);
            bytes = moved;
            start = 0;
            end = held;
        }
        int n = channel.read(ByteBuffer.wrap(bytes, end, start + wanted - end));
        if (n > 0) {
            end += n;
        }
        return n;
    }
}
