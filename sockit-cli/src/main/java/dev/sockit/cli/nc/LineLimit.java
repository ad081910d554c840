package dev.sockit.cli.nc;

import java.nio.ByteBuffer;

/**
 * {@code -W N} on a stream: stop after the N-th line received. Counts LF bytes across chunks.
 * For one thread.
 */
final class LineLimit {
    private long left;

    LineLimit(long lines) {
        this.left = lines;
    }

    /**
     * Counts the lines in {@code data}'s remaining bytes; when the N-th line end is among them,
     * sets the limit just after it and returns true (what follows is not delivered).
     */
    boolean cut(ByteBuffer data) {
        for (int i = data.position(); i < data.limit(); i++) {
            if (data.get(i) == '\n' && --left == 0) {
                data.limit(i + 1);
                return true;
            }
        }
        return false;
    }
}
