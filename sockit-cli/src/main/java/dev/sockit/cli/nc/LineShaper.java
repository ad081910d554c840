package dev.sockit.cli.nc;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * What is sent from standard input, shaped the same way in connect and listen mode:
 * {@code -C} line ends as CRLF ({@link Crlf}), and {@code -d TIME} one line at a time with
 * {@code TIME} between lines (none before the first). Remembers across chunks whether the next
 * byte starts a line. For one thread.
 */
final class LineShaper {
    /** Sends one shaped piece (a whole chunk, or with {@code -d} one line or the start of one). */
    interface Piece<E extends Exception> {
        void send(ByteBuffer piece) throws E;
    }

    /** Waits {@code time} between lines; {@code true}: the sender is ending, send no more. */
    interface Delay {
        boolean await(Duration time);
    }

    /** A {@link Delay} that sleeps; an interrupt ends the sending. */
    static final Delay SLEEP = time -> {
        try {
            Thread.sleep(time);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    };

    private final Crlf crlf;
    private final ByteBuffer shaped;
    private final Duration lineDelay;
    private boolean atLineStart = true;
    private boolean sentAny;

    /** For chunks of at most {@code chunk} bytes, with {@code -C} and {@code -d} of {@code options}. */
    LineShaper(NetcatOptions options, int chunk) {
        this.crlf = options.crlf ? new Crlf() : null;
        this.shaped = crlf == null ? null : ByteBuffer.allocateDirect(chunk * 2);
        this.lineDelay = options.lineDelay == null || options.lineDelay.isZero() ? null : options.lineDelay;
    }

    /**
     * Shapes {@code data} (consumed) and gives it to {@code piece}, waiting with {@code delay}
     * before each line but the first; stops early when {@code delay} says so.
     */
    <E extends Exception> void send(ByteBuffer data, Delay delay, Piece<E> piece) throws E {
        ByteBuffer out = data;
        if (crlf != null) {
            crlf.convert(data, shaped);
            out = shaped;
        }
        if (lineDelay == null) {
            piece.send(out);
            return;
        }
        while (out.hasRemaining()) {
            if (atLineStart && sentAny && delay.await(lineDelay)) {
                return;
            }
            int end = out.position();
            while (end < out.limit() && out.get(end) != '\n') {
                end++;
            }
            boolean wholeLine = end < out.limit();
            int oldLimit = out.limit();
            out.limit(wholeLine ? end + 1 : oldLimit);
            piece.send(out);
            out.position(out.limit());
            out.limit(oldLimit);
            atLineStart = wholeLine;
            sentAny = true;
        }
    }
}
