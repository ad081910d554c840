package dev.sockit.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LengthFieldCodecTest {

    @Test
    void encode_twoByteField_writesNetworkOrderLength() {
        ByteBuffer frame = new LengthFieldEncoder(2).encode(ByteBuffer.wrap(new byte[300]));
        assertThat(frame.remaining()).isEqualTo(302);
        assertThat(frame.get(0) & 0xff).isEqualTo(1);
        assertThat(frame.get(1) & 0xff).isEqualTo(44);
    }

    @Test
    void encode_payloadOverFieldCapacity_isRejected() {
        assertThatThrownBy(() -> new LengthFieldEncoder(1).header(256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length: 256 (expected: 0-255 for a 1-byte field)");
    }

    @Test
    void decode_framesByteByByte_handsOutEachPayload() {
        LengthFieldEncoder encoder = new LengthFieldEncoder(3);
        ByteBuffer stream = concat(encoder.encode(ascii("hello")), encoder.encode(ascii("")), encoder.encode(ascii("x")));
        LengthFieldDecoder decoder = new LengthFieldDecoder(3, 16);
        List<String> frames = new ArrayList<>();
        while (stream.hasRemaining()) {
            decoder.decode(stream.slice(stream.position(), 1), frame -> frames.add(LineDecoderTest.text(frame)));
            stream.position(stream.position() + 1);
        }
        assertThat(frames).containsExactly("hello", "", "x");
        assertThat(decoder.midFrame()).isFalse();
    }

    @Test
    void decode_lengthOverMax_throwsThenSkipsThePayload() {
        LengthFieldEncoder encoder = new LengthFieldEncoder(4);
        ByteBuffer stream = concat(encoder.encode(ascii("too long")), encoder.encode(ascii("ok")));
        LengthFieldDecoder decoder = new LengthFieldDecoder(4, 4);
        List<String> frames = new ArrayList<>();
        assertThatThrownBy(() -> decoder.decode(stream, frame -> frames.add(LineDecoderTest.text(frame))))
                .isInstanceOf(FrameTooLongException.class)
                .hasMessage("frame of 8 bytes (expected: at most 4)");
        decoder.decode(stream, frame -> frames.add(LineDecoderTest.text(frame)));
        assertThat(frames).containsExactly("ok");
    }

    @Test
    void midFrame_truncatedStream_isReported() {
        LengthFieldDecoder decoder = new LengthFieldDecoder(2, 100);
        decoder.decode(ByteBuffer.wrap(new byte[] {0, 5, 'a'}), frame -> { });
        assertThat(decoder.midFrame()).isTrue();
    }

    @Test
    void constructor_fieldOfFiveBytes_isRejected() {
        assertThatThrownBy(() -> new LengthFieldDecoder(5, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fieldBytes: 5 (expected: 1-4)");
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static ByteBuffer concat(ByteBuffer... parts) {
        int total = 0;
        for (ByteBuffer part : parts) {
            total += part.remaining();
        }
        ByteBuffer all = ByteBuffer.allocate(total);
        for (ByteBuffer part : parts) {
            all.put(part);
        }
        return all.flip();
    }
}
