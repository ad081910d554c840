package dev.sockit.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Any chunking of a stream gives the same frames, and every frame over the limit exactly one error. */
class FramingPropertyTest {
    private static final int MAX = 12;

    @Property(tries = 500)
    void lineDecoder_anyChunking_givesShortLinesAndOneErrorPerLongLine(
            @ForAll("lines") List<byte[]> lines, @ForAll("crlf") List<Boolean> crlf, @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 30) Integer> cuts) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        int expectedErrors = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            stream.writeBytes(line);
            stream.writeBytes(crlf.get(i % crlf.size()) ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            if (line.length > MAX) {
                expectedErrors++;
            } else {
                expected.add(Arrays.toString(line));
            }
        }
        LineDecoder decoder = new LineDecoder(MAX, false);
        List<String> got = new ArrayList<>();
        int errors = 0;
        for (ByteBuffer chunk : chunks(stream.toByteArray(), cuts)) {
            while (chunk.hasRemaining()) {
                try {
                    decoder.decode(chunk, line -> got.add(Arrays.toString(bytes(line))));
                } catch (FrameTooLongException e) {
                    errors++;
                }
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(errors).isEqualTo(expectedErrors);
        assertThat(decoder.finish()).isEmpty();
    }

    @Property(tries = 500)
    void lengthFieldDecoder_anyChunking_givesShortFramesAndOneErrorPerLongFrame(
            @ForAll("payloads") List<byte[]> payloads, @ForAll @IntRange(min = 1, max = 4) int fieldBytes,
            @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 30) Integer> cuts) {
        LengthFieldEncoder encoder = new LengthFieldEncoder(fieldBytes);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        int expectedErrors = 0;
        for (byte[] payload : payloads) {
            ByteBuffer frame = encoder.encode(ByteBuffer.wrap(payload));
            stream.write(frame.array(), 0, frame.limit());
            if (payload.length > MAX) {
                expectedErrors++;
            } else {
                expected.add(Arrays.toString(payload));
            }
        }
        LengthFieldDecoder decoder = new LengthFieldDecoder(fieldBytes, MAX);
        List<String> got = new ArrayList<>();
        int errors = 0;
        for (ByteBuffer chunk : chunks(stream.toByteArray(), cuts)) {
            while (chunk.hasRemaining()) {
                try {
                    decoder.decode(chunk, frame -> got.add(Arrays.toString(bytes(frame))));
                } catch (FrameTooLongException e) {
                    errors++;
                }
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(errors).isEqualTo(expectedErrors);
        assertThat(decoder.midFrame()).isFalse();
    }

    @Provide
    Arbitrary<List<byte[]>> lines() {
        return Arbitraries.bytes().filter(b -> b != '\n').array(byte[].class).ofMaxSize(MAX + 6)
                .filter(line -> line.length == 0 || line[line.length - 1] != '\r')
                .list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<Boolean>> crlf() {
        return Arbitraries.of(true, false).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<byte[]>> payloads() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(MAX + 6).list().ofMaxSize(12);
    }

    private static List<ByteBuffer> chunks(byte[] stream, List<Integer> cuts) {
        List<ByteBuffer> chunks = new ArrayList<>();
        int at = 0;
        for (int cut : cuts) {
            if (at >= stream.length) {
                break;
            }
            int n = Math.min(cut, stream.length - at);
            chunks.add(ByteBuffer.wrap(stream, at, n).slice());
            at += n;
        }
        if (at < stream.length) {
            chunks.add(ByteBuffer.wrap(stream, at, stream.length - at).slice());
        }
        return chunks;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
