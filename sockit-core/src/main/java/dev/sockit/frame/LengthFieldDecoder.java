package dev.sockit.frame;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Reads frames that start with their length: an unsigned big-endian (network order) field of
 * 1, 2, 3 or 4 bytes, then that many bytes of payload. Frames are handed out without the
 * length field.
 *
 * <p>A length above {@code maxFrameLength} throws {@link FrameTooLongException} as soon as the
 * field is read; the decoder then skips that many bytes and goes on with the next frame.
 * Memory is bounded by {@code maxFrameLength}, and grows towards it only as frames need.
 */
public final class LengthFieldDecoder {
    private static final int INITIAL_CAPACITY = 256;

    private final int fieldBytes;
    private final int maxFrameLength;
    /** The length field's bytes seen so far. */
    private final ByteBuffer field;
    /** The current frame's payload seen so far, in write mode; used only when a frame straddles reads. */
    private ByteBuffer partial;
    /** The current frame's length, or -1 while its field is being read. */
    private long frameLength = -1;
    /** Bytes of a frame too long still to skip. */
    private long skipping;

    /**
     * @param fieldBytes the length field's size: 1, 2, 3 or 4
     * @param maxFrameLength the longest payload accepted, at least 0
     * @throws IllegalArgumentException for another field size or a negative limit
     */
    public LengthFieldDecoder(int fieldBytes, int maxFrameLength) {
        LengthFieldEncoder.requireFieldBytes(fieldBytes);
        if (maxFrameLength < 0) {
            throw new IllegalArgumentException("maxFrameLength: " + maxFrameLength + " (expected: >= 0)");
        }
        this.fieldBytes = fieldBytes;
        this.maxFrameLength = maxFrameLength;
        this.field = ByteBuffer.allocate(fieldBytes);
        this.partial = ByteBuffer.allocate(Math.min(maxFrameLength, INITIAL_CAPACITY));
    }

    /** Whether the stream so far ends inside a frame (or its length field): at end of stream, a truncated frame. */
    public boolean midFrame() {
        return field.position() > 0 || frameLength >= 0 || skipping > 0;
    }

    /**
     * Consumes {@code in} and gives {@code frames} every frame it completes, in order. The buffer
     * passed to {@code frames} is valid during the call only.
     *
     * @throws FrameTooLongException when a length field exceeds {@code maxFrameLength}; the
     *     bytes of {@code in} after that field stay unconsumed, and the next call skips the
     *     frame's payload and goes on
     */
    public void decode(ByteBuffer in, Consumer<ByteBuffer> frames) {
        while (in.hasRemaining()) {
            if (skipping > 0) {
                int n = (int) Math.min(skipping, in.remaining());
                in.position(in.position() + n);
                skipping -= n;
            } else if (frameLength < 0) {
                readField(in);
            } else if (partial.position() == 0 && in.remaining() >= frameLength) {
                int start = in.position();
                int end = start + (int) frameLength;
                in.position(end);
                frameLength = -1;
                frames.accept(in.duplicate().position(start).limit(end));
            } else {
                readPartial(in, frames);
            }
        }
        if (frameLength == 0) {
            frameLength = -1;
            frames.accept(ByteBuffer.allocate(0));
        }
    }

    private void readField(ByteBuffer in) {
        while (field.hasRemaining() && in.hasRemaining()) {
            field.put(in.get());
        }
        if (field.hasRemaining()) {
            return;
        }
        long length = 0;
        for (int i = 0; i < fieldBytes; i++) {
            length = length << 8 | (field.get(i) & 0xff);
        }
        field.clear();
        if (length > maxFrameLength) {
            skipping = length;
            throw new FrameTooLongException(length, maxFrameLength, "frame");
        }
        frameLength = length;
    }

    private void readPartial(ByteBuffer in, Consumer<ByteBuffer> frames) {
        int needed = (int) frameLength;
        if (needed > partial.capacity()) {
            int capacity = (int) Math.min(Math.max(needed, 2L * partial.capacity()), maxFrameLength);
            partial = ByteBuffer.allocate(capacity).put(partial.flip());
        }
        int n = Math.min(needed - partial.position(), in.remaining());
        partial.put(in.duplicate().limit(in.position() + n));
        in.position(in.position() + n);
        if (partial.position() == needed) {
            frameLength = -1;
            partial.flip();
            try {
                frames.accept(partial);
            } finally {
                partial.clear();
            }
        }
    }
}
