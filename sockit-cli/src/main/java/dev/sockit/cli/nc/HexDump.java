package dev.sockit.cli.nc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The {@code -x FILE} hex dump: one block per chunk sent or received. A block starts with a
 * header line, {@code > 2026-11-24T07:30:01.123Z sent 5 bytes}, then one line per 16 bytes:
 * the direction's mark, the offset of the line's first byte in that direction's stream (8 hex
 * digits), the bytes in hex, and the printable ASCII ({@code .} for the rest) between bars:
 *
 * <pre>
 * &gt; 00000000  68 65 6c 6c 6f 0a                                 |hello.|
 * </pre>
 *
 * {@code >} marks bytes sockit sent, {@code <} bytes it received; every line carries its mark,
 * so {@code grep '^<'} keeps one direction. Thread-safe: each block is written whole. A write
 * error is reported by {@link #close}.
 */
public final class HexDump implements TrafficTap {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final TapFile file;
    private final Clock clock;
    /** The bytes seen so far, per direction (by ordinal). */
    private final AtomicLongArray offsets = new AtomicLongArray(Direction.values().length);

    private HexDump(TapFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * Opens the dump at {@code path}, truncated unless {@code append} ({@code --append-output}).
     *
     * @throws UsageError if the file cannot be opened for writing
     */
    public static HexDump open(Path path, boolean append, Clock clock) {
        return new HexDump(TapFile.open("-x", path, append), clock);
    }

    /** The text of one block: header and hex lines, starting at stream offset {@code offset}. */
    static String block(Direction direction, ByteBuffer data, long offset, String timestamp) {
        int length = data.remaining();
        StringBuilder text = new StringBuilder(80 + length * 5);
        text.append(direction.mark()).append(' ').append(timestamp).append(' ')
                .append(direction == Direction.SENT ? "sent " : "received ").append(length).append(length == 1 ? " byte\n" : " bytes\n");
        int start = data.position();
        for (int line = 0; line < length; line += 16) {
            int count = Math.min(16, length - line);
            text.append(direction.mark()).append(' ');
            hex(text, offset + line, 8);
            text.append(' ');
            for (int i = 0; i < 16; i++) {
                if (i == 8) {
                    text.append(' ');
                }
                if (i < count) {
                    text.append(' ');
                    hex(text, data.get(start + line + i) & 0xff, 2);
                } else {
                    text.append("   ");
                }
            }
            text.append("  |");
            for (int i = 0; i < count; i++) {
                int b = data.get(start + line + i) & 0xff;
                text.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
            }
            text.append("|\n");
        }
        return text.toString();
    }

    @Override
    public void record(Direction direction, ByteBuffer data) {
        if (!data.hasRemaining()) {
            return;
        }
        long offset = offsets.getAndAdd(direction.ordinal(), data.remaining());
        file.write(() -> ByteBuffer.wrap(block(direction, data, offset, TIMESTAMP.format(clock.instant()))
                .getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private static void hex(StringBuilder text, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            text.append(HEX[(int) (value >>> shift) & 0xf]);
        }
    }
}
