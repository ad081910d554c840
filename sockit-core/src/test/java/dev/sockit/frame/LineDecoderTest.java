package dev.sockit.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDecoderTest {

    @Test
    void decode_linesInOneChunk_handsOutEachWithoutDelimiter() {
        assertThat(decode(new LineDecoder(80, false), "one\ntwo\r\n\nthree\n")).containsExactly("one", "two", "", "three");
    }

    @Test
    void decode_keepDelimiter_handsOutLinesUnchanged() {
        assertThat(decode(new LineDecoder(80, true), "one\ntwo\r\n")).containsExactly("one\n", "two\r\n");
    }

    @Test
    void decode_lineSplitOverChunks_joinsIt() {
        LineDecoder decoder = new LineDecoder(80, false);
        List<String> lines = new ArrayList<>();
        for (String chunk : List.of("he", "llo wo", "rld\r", "\nnext", "\n")) {
            decoder.decode(bytes(chunk), line -> lines.add(text(line)));
        }
        assertThat(lines).containsExactly("hello world", "next");
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void decode_lineOfExactlyMaxLength_isAccepted() {
        assertThat(decode(new LineDecoder(5, false), "12345\n12345\r\n")).containsExactly("12345", "12345");
    }

    @Test
    void decode_lineOverMaxLengthInOneChunk_throwsWithLengthAndGoesOn() {
        LineDecoder decoder = new LineDecoder(5, false);
        ByteBuffer in = bytes("123456\nok\n");
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> decoder.decode(in, line -> lines.add(text(line))))
                .isInstanceOf(FrameTooLongException.class)
                .hasMessage("line of 6 bytes (expected: at most 5)");
        decoder.decode(in, line -> lines.add(text(line)));
        assertThat(lines).containsExactly("ok");
    }

    @Test
    void decode_unfinishedLineOverMaxLength_throwsEarlyAndSkipsToItsEnd() {
        LineDecoder decoder = new LineDecoder(4, false);
        List<String> lines = new ArrayList<>();
        assertThatThrownBy(() -> decoder.decode(bytes("abcdefgh"), line -> lines.add(text(line))))
                .isInstanceOf(FrameTooLongException.class)
                .hasMessage("line of more than 4 bytes (expected: at most 4)");
        assertThat(decoder.buffered()).isZero();
        decoder.decode(bytes("still the long line"), line -> lines.add(text(line)));
        decoder.decode(bytes("...\nnext\n"), line -> lines.add(text(line)));
        assertThat(lines).containsExactly("next");
    }

    @Test
    void decode_straddlingLineOverMaxLength_throwsOnce() {
        LineDecoder decoder = new LineDecoder(4, false);
        List<String> lines = new ArrayList<>();
        decoder.decode(bytes("abcd"), line -> lines.add(text(line)));
        ByteBuffer rest = bytes("e\nok\n");
        assertThatThrownBy(() -> decoder.decode(rest, line -> lines.add(text(line)))).isInstanceOf(FrameTooLongException.class);
        decoder.decode(rest, line -> lines.add(text(line)));
        assertThat(lines).containsExactly("ok");
    }

    @Test
    void decodeLine_headerThenPayload_stopsAfterTheLine() {
        LineDecoder decoder = new LineDecoder(80, false);
        List<String> lines = new ArrayList<>();
        assertThat(decoder.decodeLine(bytes("HEL"), line -> lines.add(text(line)))).isFalse();
        ByteBuffer rest = bytes("LO 1\r\npayload\nnot a line");
        assertThat(decoder.decodeLine(rest, line -> lines.add(text(line)))).isTrue();
        assertThat(lines).containsExactly("HELLO 1");
        assertThat(text(rest)).isEqualTo("payload\nnot a line");
    }

    @Test
    void finish_unfinishedLine_returnsItAndResets() {
        LineDecoder decoder = new LineDecoder(80, false);
        decoder.decode(bytes("done\npart"), line -> { });
        assertThat(decoder.finish()).map(LineDecoderTest::text).contains("part");
        assertThat(decoder.finish()).isEmpty();
    }

    @Test
    void constructor_maxLengthBelowOne_isRejected() {
        assertThatThrownBy(() -> new LineDecoder(0, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLength: 0 (expected: 1-2147483645)");
    }

    static List<String> decode(LineDecoder decoder, String text) {
        List<String> lines = new ArrayList<>();
        decoder.decode(bytes(text), line -> lines.add(text(line)));
        return lines;
    }

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String text(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
