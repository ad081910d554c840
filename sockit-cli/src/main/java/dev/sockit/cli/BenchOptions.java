package dev.sockit.cli;

import dev.sockit.bench.TestSpec;
import dev.sockit.cli.nc.Times;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options of {@code sockit bench client} and {@code sockit bench loopback}. */
final class BenchOptions {
    @Option(names = {"-u", "--udp"}, description = "UDP instead of TCP (throughput, latency).")
    boolean udp;

    @Option(names = {"-P", "--parallel"}, paramLabel = "N", description = "Throughput: parallel streams, each on its own thread. Latency: selector-loop threads. Default 1.")
    int parallel = 1;

    @Option(names = {"-R", "--reverse"}, description = "Throughput: the server sends, the client receives.")
    boolean reverse;

    @Option(names = "--bidir", description = "Throughput: both ways at once (-P streams each way).")
    boolean bidir;

    @Option(names = {"-l", "--length"}, paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Bytes per write (TCP throughput, default 128K), per datagram (UDP, default 1400), per message (latency, default 64); K, M suffixes are 1024s.")
    Integer length;

    @Option(names = {"-b", "--bitrate"}, paramLabel = "RATE", converter = RateConverter.class,
            description = "UDP throughput: target bits/s over all streams (K, M, G are 1000s); 0 for as fast as possible. Default 1M.")
    Long bitrate;

    @Option(names = "--rate", paramLabel = "N", description = "Latency: round trips per second over all connections, on a fixed schedule; default as fast as possible.")
    long rate;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", description = "Latency: connections (default 1). Connect: connecting threads (default 1, at most 64). Conns: connections to hold (default 100).")
    Integer connections;

    @Option(names = "--depth", paramLabel = "N", description = "Latency: messages in flight per connection (default 1).")
    int depth = 1;

    @Option(names = {"-t", "--time"}, paramLabel = "TIME", converter = TimeConverter.class, description = "How long to measure (default 10s): 300ms, 5s, 1m.")
    Duration time = Duration.ofSeconds(10);

    @Option(names = {"-i", "--interval"}, paramLabel = "TIME", converter = TimeConverter.class, description = "Seconds between interval reports (default 1s; 0: none).")
    Duration interval = Duration.ofSeconds(1);

    @Option(names = "--warmup", paramLabel = "TIME", converter = TimeConverter.class, description = "Traffic before measuring starts (default 0).")
    Duration warmup = Duration.ZERO;

    @Option(names = "--json", description = "One JSON object per line per event (start, interval, end, error) on stdout.")
    boolean json;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Also write a self-contained HTML page with charts.")
    Path report;

    @Option(names = "--pin", paramLabel = "CPUS", description = "Run the client on these CPUs only (taskset list: 0, 0-1, 0,2).")
    Optional<String> pin = Optional.empty();

    /**
     * The test these options ask for in {@code mode}.
     * @throws IllegalArgumentException naming the option at fault
     */
    TestSpec spec(TestSpec.Mode mode) {
        if (reverse && bidir) {
            throw new IllegalArgumentException("-R and --bidir: choose one");
        }
        if (mode != TestSpec.Mode.THROUGHPUT && (reverse || bidir)) {
            throw new IllegalArgumentException((reverse ? "-R" : "--bidir") + ": only for throughput");
        }
        TestSpec.Protocol protocol = udp ? TestSpec.Protocol.UDP : TestSpec.Protocol.TCP;
        TestSpec.Direction direction = reverse ? TestSpec.Direction.REVERSE : bidir ? TestSpec.Direction.BIDIR : TestSpec.Direction.FORWARD;
        int len = length != null ? length : switch (mode) {
            case THROUGHPUT -> udp ? 1400 : 128 * 1024;
            default -> 64;
        };
        long r = switch (mode) {
            case THROUGHPUT -> udp ? (bitrate != null ? bitrate : 1_000_000) : 0;
            case LATENCY -> rate;
            default -> 0;
        };
        if (bitrate != null && !(mode == TestSpec.Mode.THROUGHPUT && udp)) {
            throw new IllegalArgumentException("-b: only for UDP throughput (latency: --rate)");
        }
        int conns = connections != null ? connections : mode == TestSpec.Mode.CONNS ? 100 : 1;
        return new TestSpec(mode, protocol, direction, parallel, len, r, conns, depth, time, warmup);
    }

    /** {@code 64}, {@code 128K}, {@code 1M}: bytes, K and M in 1024s. */
    static final class SizeConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            long v = scaled(text, 1024);
            if (v < 1 || v > TestSpec.MAX_LENGTH) {
                throw new TypeConversionException("\"" + text + "\": out of range (expected: 1-16M)");
            }
            return (int) v;
        }
    }

    /** {@code 100M}, {@code 1G}, {@code 0}: bits per second, K, M and G in 1000s. */
    static final class RateConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return scaled(text, 1000);
        }
    }

    /** The time grammar of {@link Times}. */
    static final class TimeConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                return Times.parse("time", text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().replaceFirst("^time ", ""));
            }
        }
    }

    private static long scaled(String text, long unit) {
        if (!text.matches("[0-9]{1,12}(\\.[0-9]{1,6})?[KMGkmg]?")) {
            throw new TypeConversionException("\"" + text + "\": not a number (expected: digits with an optional K, M or G)");
        }
        char last = Character.toUpperCase(text.charAt(text.length() - 1));
        long scale = switch (last) {
            case 'K' -> unit;
            case 'M' -> unit * unit;
            case 'G' -> unit * unit * unit;
            default -> 1;
        };
        String number = Character.isLetter(last) ? text.substring(0, text.length() - 1) : text;
        return Math.round(Double.parseDouble(number) * scale);
    }
}
