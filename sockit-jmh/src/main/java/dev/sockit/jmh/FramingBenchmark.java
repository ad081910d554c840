package dev.sockit.jmh;

import dev.sockit.frame.LengthFieldDecoder;
import dev.sockit.frame.LengthFieldEncoder;
import dev.sockit.frame.LineDecoder;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Framing on the read path: 64 KiB of {@code lineLength}-byte lines (or length-prefixed frames
 * of that size) cut into 1,460-byte reads, as TCP segments on a LAN arrive, through
 * {@link LineDecoder} and {@link LengthFieldDecoder}; the JDK's {@code BufferedReader.readLine}
 * over the same bytes is the peer (it decodes characters too, which the decoders never do).
 * Each operation decodes the whole 64 KiB.
 *
 * <p>Run: {@code mvn -q package -pl sockit-jmh -am -DskipTests && java -jar sockit-jmh/target/benchmarks.jar Framing}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FramingBenchmark {
    private static final int STREAM_BYTES = 64 * 1024;
    private static final int READ_SIZE = 1460;

    @Param({"16", "80", "1024"})
    public int lineLength;

    private byte[] lines;
    private byte[] frames;
    private LineDecoder lineDecoder;
    private LengthFieldDecoder frameDecoder;

    @Setup
    public void setUp() {
        byte[] line = new byte[lineLength];
        java.util.Arrays.fill(line, (byte) 'x');
        line[lineLength - 1] = '\n';
        lines = new byte[STREAM_BYTES - STREAM_BYTES % lineLength];
        for (int at = 0; at < lines.length; at += lineLength) {
            System.arraycopy(line, 0, lines, at, lineLength);
        }
        LengthFieldEncoder encoder = new LengthFieldEncoder(2);
        ByteBuffer all = ByteBuffer.allocate(STREAM_BYTES + 2 * STREAM_BYTES / lineLength + 2);
        while (all.remaining() >= lineLength + 2) {
            all.put(encoder.encode(ByteBuffer.wrap(line, 0, lineLength - 2)));
        }
        frames = java.util.Arrays.copyOf(all.array(), all.position());
        lineDecoder = new LineDecoder(4096, false);
        frameDecoder = new LengthFieldDecoder(2, 4096);
    }

    @Benchmark
    public void lineDecoder(Blackhole sink) {
        ByteBuffer stream = ByteBuffer.wrap(lines);
        while (stream.hasRemaining()) {
            int n = Math.min(READ_SIZE, stream.remaining());
            lineDecoder.decode(stream.slice(stream.position(), n), sink::consume);
            stream.position(stream.position() + n);
        }
    }

    @Benchmark
    public void lengthFieldDecoder(Blackhole sink) {
        ByteBuffer stream = ByteBuffer.wrap(frames);
        while (stream.hasRemaining()) {
            int n = Math.min(READ_SIZE, stream.remaining());
            frameDecoder.decode(stream.slice(stream.position(), n), sink::consume);
            stream.position(stream.position() + n);
        }
    }

    @Benchmark
    public void jdkBufferedReader(Blackhole sink) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(lines), StandardCharsets.ISO_8859_1), READ_SIZE)) {
            for (String line; (line = reader.readLine()) != null; ) {
                sink.consume(line);
            }
        }
    }
}
