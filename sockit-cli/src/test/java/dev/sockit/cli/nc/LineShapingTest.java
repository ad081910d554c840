package dev.sockit.cli.nc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code -C} line ends and {@code -W} line counting across chunk boundaries. */
class LineShapingTest {

    @Test
    void crlf_bareLfBecomesCrLfAndACrLfSplitAcrossChunksStaysOne() {
        Crlf crlf = new Crlf();
        ByteBuffer out = ByteBuffer.allocate(64);

        assertThat(convert(crlf, "a\nb\r", out)).isEqualTo("a\r\nb\r");
        assertThat(convert(crlf, "\nc\n\n", out)).isEqualTo("\nc\r\n\r\n");
    }

    @Test
    void lineLimit_cutsJustAfterTheNthLineEndInALaterChunk() {
        LineLimit limit = new LineLimit(3);
        ByteBuffer first = ascii("one\ntwo");
        ByteBuffer second = ascii("\nthree\nfour\n");

        assertThat(limit.cut(first)).isFalse();
        assertThat(first.remaining()).isEqualTo(7);
        assertThat(limit.cut(second)).isTrue();
        assertThat(StandardCharsets.US_ASCII.decode(second).toString()).isEqualTo("\nthree\n");
    }

    private static String convert(Crlf crlf, String in, ByteBuffer out) {
        crlf.convert(ascii(in), out);
        return StandardCharsets.US_ASCII.decode(out).toString();
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
