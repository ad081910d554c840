package dev.sockit.cli.nc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --chat}'s framing: a participant's bytes cut into lines and each line written as ncat
 * writes it, {@code <user3> text}, with control characters escaped as a backslash and three
 * octal digits ({@code \033}), tab kept. A line longer than {@link #MAX_LINE} bytes is split
 * there, each piece sent as a line of its own, so one participant cannot make the room buffer
 * without bound. One instance per participant; not thread-safe.
 */
final class ChatLines {
    /** The longest line, in bytes; longer ones are split. */
    static final int MAX_LINE = 16 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** The complete lines {@code data} finishes (without their {@code \n}); consumes {@code data}. */
    List<byte[]> feed(ByteBuffer data) {
        List<byte[]> lines = new ArrayList<>();
        while (data.hasRemaining()) {
            byte b = data.get();
            if (b == '\n') {
                lines.add(pending.toByteArray());
                pending.reset();
            } else {
                pending.write(b);
                if (pending.size() == MAX_LINE) {
                    lines.add(pending.toByteArray());
                    pending.reset();
                }
            }
        }
        return lines;
    }

    /** What is left of an unfinished last line, at the participant's end; empty if none. */
    byte[] rest() {
        byte[] rest = pending.toByteArray();
        pending.reset();
        return rest;
    }

    /** {@code prefix} then {@code line} with control characters escaped, then {@code \n}. */
    static ByteBuffer format(String prefix, byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length() + line.length + 8);
        out.writeBytes(prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (byte b : line) {
            int u = b & 0xff;
            if ((u < 0x20 && u != '\t') || u == 0x7f) {
                out.write('\\');
                out.write('0' + ((u >> 6) & 7));
                out.write('0' + ((u >> 3) & 7));
                out.write('0' + (u & 7));
            } else {
                out.write(u);
            }
        }
        out.write('\n');
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** An {@code <announce>} line. */
    static ByteBuffer announce(String text) {
        return ByteBuffer.wrap(("<announce> " + text + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
