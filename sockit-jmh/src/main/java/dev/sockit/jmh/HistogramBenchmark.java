package dev.sockit.jmh;

import dev.sockit.bench.Histogram;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bench client's hot path per round trip: {@link Histogram#record} of a latency, against
 * the floor of storing the value in an array (what "keep every sample, sort at the end" costs
 * per sample, before its sort and its unbounded memory). Values are spread like latencies:
 * log-uniform from 1 µs to 100 ms. Also {@link Histogram#valueAt} on a filled histogram (once
 * per report, not per round trip).
 *
 * <p>Run: {@code mvn -q package -pl sockit-jmh -am -DskipTests && java -jar sockit-jmh/target/benchmarks.jar Histogram}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HistogramBenchmark {
    private static final int VALUES = 1 << 16;

    private final long[] values = new long[VALUES];
    private final long[] store = new long[VALUES];
    private final Histogram histogram = new Histogram();
    private final Histogram filled = new Histogram();
    private int i;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        for (int k = 0; k < VALUES; k++) {
            values[k] = (long) Math.pow(10, 3 + 5 * random.nextDouble());
            filled.record(values[k]);
        }
    }

    @Benchmark
    public void record() {
        histogram.record(values[i++ & (VALUES - 1)]);
    }

    @Benchmark
    public void baseline_arrayStore() {
        int k = i++ & (VALUES - 1);
        store[k] = values[k];
    }

    @Benchmark
    public long valueAt99() {
        return filled.valueAt(99);
    }
}
