package dev.sockit.frame;

import java.io.Serial;

/**
 * A frame is longer than its decoder allows. The decoder has dropped the frame's bytes seen so
 * far and goes on after its end (the next delimiter, or the length the prefix gave), so a
 * caller may skip the frame and continue, or close the stream.
 */
public final class FrameTooLongException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final long length;
    private final int maxLength;

    FrameTooLongException(long length, int maxLength, String what) {
        super(what + " of " + (length < 0 ? "more than " + maxLength : String.valueOf(length)) + " bytes (expected: at most " + maxLength + ")", null, false, false);
        this.length = length;
        this.maxLength = maxLength;
    }

    /** The frame's length, or -1 when only known to exceed {@link #maxLength()}. */
    public long length() {
        return length;
    }

    /** The decoder's limit. */
    public int maxLength() {
        return maxLength;
    }
}
