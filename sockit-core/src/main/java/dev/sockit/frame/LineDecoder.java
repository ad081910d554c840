package dev.sockit.frame;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines ending in {@code \n}; a {@code \r} before the {@code \n} is
 * part of the delimiter. Lines are handed out without their delimiter, or with it when built
 * with {@code keepDelimiter} (to pass lines on unchanged).
 *
 * <p>A line longer than {@code maxLength} bytes (delimiter excluded) throws
 * {@link FrameTooLongException} as soon as the limit is known to be passed; the decoder then
 * drops bytes up to and including the line's {@code \n} and goes on with the next line.
 * Memory is bounded by {@code maxLength}, and grows towards it only as long lines need.
 */
public final class LineDecoder {
    private static final int INITIAL_CAPACITY = 256;

    private final int maxLength;
    private final boolean keepDelimiter;
    /** The unfinished line's bytes seen so far, in write mode. */
    private ByteBuffer partial;
    /** Whether the current line was too long and is being skipped up to its {@code \n}. */
    private boolean discarding;

    /**
     * @param maxLength the longest line accepted, in bytes without the delimiter
     * @param keepDelimiter whether handed-out lines keep their {@code \n} or {@code \r\n}
     * @throws IllegalArgumentException if {@code maxLength} is not in {@code 1..2^31-3}
     */
    public LineDecoder(int maxLength, boolean keepDelimiter) {
        if (maxLength < 1 || maxLength > Integer.MAX_VALUE - 2) {
            throw new IllegalArgumentException("maxLength: " + maxLength + " (expected: 1-" + (Integer.MAX_VALUE - 2) + ")");
        }
        this.maxLength = maxLength;
        this.keepDelimiter = keepDelimiter;
        this.partial = ByteBuffer.allocate(Math.min(maxLength + 2, INITIAL_CAPACITY));
    }

    /** The longest line accepted, delimiter excluded. */
    public int maxLength() {
        return maxLength;
    }

    /** Bytes of an unfinished line held now. */
    public int buffered() {
        return partial.position();
    }

    /**
     * Consumes {@code in} and gives {@code lines} every line it completes, in order. The buffer
     * passed to {@code lines} is valid during the call only.
     *
     * @throws FrameTooLongException when a line passes {@code maxLength}; the bytes of
     *     {@code in} after that line stay unconsumed, and the next call goes on from there
     */
    public void decode(ByteBuffer in, Consumer<ByteBuffer> lines) {
        while (in.hasRemaining()) {
            step(in, lines);
        }
    }

    /**
     * Consumes {@code in} up to and including the first line it completes, and gives that line to
     * {@code line}; for a protocol that switches from lines to raw bytes (a header line, then
     * payload), {@code in} is left just after the line. The buffer passed to {@code line} is valid
     * during the call only.
     *
     * @return whether a line was completed; if not, all of {@code in} was consumed
     * @throws FrameTooLongException as {@link #decode} does
     */
    public boolean decodeLine(ByteBuffer in, Consumer<ByteBuffer> line) {
        while (in.hasRemaining()) {
            if (step(in, line)) {
                return true;
            }
        }
        return false;
    }

    /** Consumes bytes of {@code in} up to the end of one line or of {@code in}; whether it handed out a line. */
    private boolean step(ByteBuffer in, Consumer<ByteBuffer> lines) {
        int newline = indexOf(in, (byte) '\n');
        if (discarding) {
            in.position(newline < 0 ? in.limit() : newline + 1);
            discarding = newline < 0;
            return false;
        }
        if (newline < 0) {
            keepUnfinished(in);
            return false;
        }
        if (partial.position() == 0) {
            emitSlice(in, newline, lines);
        } else {
            finishPartial(in, newline, lines);
        }
        return true;
    }

    /**
     * The bytes of an unfinished last line, for the end of the stream: empty when the stream
     * ended after a delimiter or inside a line too long. Resets the decoder.
     */
    public Optional<ByteBuffer> finish() {
        discarding = false;
        if (partial.position() == 0) {
            return Optional.empty();
        }
        partial.flip();
        ByteBuffer rest = ByteBuffer.allocate(partial.remaining()).put(partial).flip();
        partial.clear();
        return Optional.of(rest);
    }

    private void keepUnfinished(ByteBuffer in) {
        // Without its \n a line of maxLength may still hold a trailing \r: maxLength + 1 bytes.
        if ((long) partial.position() + in.remaining() > maxLength + 1L) {
            partial.clear();
            in.position(in.limit());
            discarding = true;
            throw new FrameTooLongException(-1, maxLength, "line");
        }
        append(in, in.limit());
    }

    private void emitSlice(ByteBuffer in, int newline, Consumer<ByteBuffer> lines) {
        int start = in.position();
        int length = contentLength(in, start, newline);
        in.position(newline + 1);
        if (length > maxLength) {
            throw new FrameTooLongException(length, maxLength, "line");
        }
        lines.accept(in.duplicate().position(start).limit(keepDelimiter ? newline + 1 : start + length));
    }

    private void finishPartial(ByteBuffer in, int newline, Consumer<ByteBuffer> lines) {
        long total = (long) partial.position() + newline + 1 - in.position();
        if (total > maxLength + 2L) {
            partial.clear();
            in.position(newline + 1);
            throw new FrameTooLongException(-1, maxLength, "line");
        }
        append(in, newline + 1);
        partial.flip();
        try {
            int end = partial.limit() - 1;
            int length = contentLength(partial, 0, end);
            if (length > maxLength) {
                throw new FrameTooLongException(length, maxLength, "line");
            }
            lines.accept(partial.limit(keepDelimiter ? end + 1 : length));
        } finally {
            partial.clear();
        }
    }

    private static int contentLength(ByteBuffer buffer, int start, int newline) {
        boolean cr = newline > start && buffer.get(newline - 1) == '\r';
        return newline - start - (cr ? 1 : 0);
    }

    private void append(ByteBuffer in, int end) {
        int needed = partial.position() + end - in.position();
        if (needed > partial.capacity()) {
            int capacity = (int) Math.min(Math.max(needed, 2L * partial.capacity()), maxLength + 2L);
            partial = ByteBuffer.allocate(capacity).put(partial.flip());
        }
        partial.put(in.duplicate().limit(end));
        in.position(end);
    }

    private static int indexOf(ByteBuffer buffer, byte b) {
        for (int i = buffer.position(), end = buffer.limit(); i < end; i++) {
            if (buffer.get(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
