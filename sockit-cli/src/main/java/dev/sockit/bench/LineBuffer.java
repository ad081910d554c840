package dev.sockit.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Collects one ASCII line from a byte stream, at most {@link ControlProtocol#MAX_LINE} bytes.
 * Starts small and grows as a line needs: a server holds one per connection. Not thread-safe.
 */
final class LineBuffer {
    private byte[] bytes = new byte[128];
    private int length;

    /**
     * Takes bytes from {@code data} up to and including a {@code \n}; returns the line without it
     * (and without a {@code \r}), or {@code null} if {@code data} ended first. {@code data} is
     * left positioned after the line.
     * @throws IllegalArgumentException if the line is longer than the limit
     */
    String take(ByteBuffer data) {
        while (data.hasRemaining()) {
            byte b = data.get();
            if (b == '\n') {
                int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
                String line = new String(bytes, 0, end, StandardCharsets.US_ASCII);
                length = 0;
                return line;
            }
            if (length == bytes.length && length < ControlProtocol.MAX_LINE) {
                bytes = java.util.Arrays.copyOf(bytes, Math.min(2 * length, ControlProtocol.MAX_LINE));
            }
            if (length == bytes.length) {
                throw new IllegalArgumentException("line longer than " + ControlProtocol.MAX_LINE + " bytes");
            }
            bytes[length++] = b;
        }
        return null;
    }
}
