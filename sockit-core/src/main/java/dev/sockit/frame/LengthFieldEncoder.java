package dev.sockit.frame;

import java.nio.ByteBuffer;

/**
 * Writes frames that {@link LengthFieldDecoder} reads: an unsigned big-endian length field of
 * 1, 2, 3 or 4 bytes, then the payload. Stateless and thread-safe.
 */
public final class LengthFieldEncoder {
    private final int fieldBytes;
    private final long maxLength;

    /**
     * @param fieldBytes the length field's size: 1, 2, 3 or 4
     * @throws IllegalArgumentException for another size
     */
    public LengthFieldEncoder(int fieldBytes) {
        this.fieldBytes = requireFieldBytes(fieldBytes);
        this.maxLength = Math.min((1L << (8 * fieldBytes)) - 1, Integer.MAX_VALUE - fieldBytes);
    }

    /** The longest payload the field can give. */
    public long maxLength() {
        return maxLength;
    }

    /**
     * The length field for a payload of {@code length} bytes, ready to read: the first buffer of a
     * gathering write ({@code write(new ByteBuffer[] {header(n), payload})}).
     *
     * @throws IllegalArgumentException if the field cannot hold {@code length}
     */
    public ByteBuffer header(int length) {
        ByteBuffer header = ByteBuffer.allocate(fieldBytes);
        putField(header, length);
        return header.flip();
    }

    /**
     * One buffer holding the length field and the remaining bytes of {@code payload}, ready to
     * read; {@code payload} is consumed.
     *
     * @throws IllegalArgumentException if the field cannot hold the payload's length
     */
    public ByteBuffer encode(ByteBuffer payload) {
        int length = payload.remaining();
        ByteBuffer frame = ByteBuffer.allocate(fieldBytes + length);
        putField(frame, length);
        return frame.put(payload).flip();
    }

    private void putField(ByteBuffer out, int length) {
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException("length: " + length + " (expected: 0-" + maxLength + " for a " + fieldBytes + "-byte field)");
        }
        for (int shift = 8 * (fieldBytes - 1); shift >= 0; shift -= 8) {
            out.put((byte) (length >>> shift));
        }
    }

    static int requireFieldBytes(int fieldBytes) {
        if (fieldBytes < 1 || fieldBytes > 4) {
            throw new IllegalArgumentException("fieldBytes: " + fieldBytes + " (expected: 1-4)");
        }
        return fieldBytes;
    }
}
