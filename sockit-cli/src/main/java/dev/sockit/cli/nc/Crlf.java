package dev.sockit.cli.nc;

import java.nio.ByteBuffer;

/**
 * {@code -C}: line ends sent as CRLF. A LF that does not follow a CR becomes CR LF; a CRLF
 * already there stays as it is. Remembers the last byte across chunks, so a CR at the end of
 * one chunk and a LF at the start of the next stay one line end. For one thread.
 */
final class Crlf {
    private boolean afterCr;

    /**
     * Copies {@code in}'s remaining bytes to {@code out} (cleared first, then flipped for
     * reading), converting line ends; consumes {@code in}.
     *
     * @throws java.nio.BufferOverflowException if {@code out} holds less than twice {@code in}
     */
    void convert(ByteBuffer in, ByteBuffer out) {
        out.clear();
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n' && !afterCr) {
                out.put((byte) '\r');
            }
            out.put(b);
            afterCr = b == '\r';
        }
        out.flip();
    }
}
