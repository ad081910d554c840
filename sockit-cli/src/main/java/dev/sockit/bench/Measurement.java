package dev.sockit.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One mode's traffic, driven by {@link BenchClient}: open, start, sampled while it runs,
 * awaited, summed up, closed.
 */
interface Measurement extends AutoCloseable {
    /** Opens the connections (blocks); throws the first failure. */
    void open() throws IOException;

    /** A label per stream, the order of {@link #sample()}. */
    List<String> labels();

    /** What {@link #sample()} counts: {@code bytes}, {@code round_trips}, {@code connects} or {@code open}. */
    String unit();

    /**
     * Starts the traffic threads; they record from {@code measureFrom} and stop by themselves at
     * {@code end} (both {@code System.nanoTime()}).
     */
    void start(long measureFrom, long end);

    /** Counts per stream since the start (for {@code open}: connections open now). Any thread. */
    long[] sample();

    /** Whether a traffic thread failed already. */
    boolean failed();

    /** Waits for the traffic to stop, at most {@code timeout}; throws the first failure of a traffic thread. */
    void await(Duration timeout) throws IOException, InterruptedException;

    /** UDP datagrams sent per stream, for the server's loss count; none by default. */
    default List<Long> sentDatagrams() {
        return List.of();
    }

    /**
     * The totals, from the client's counts since {@code baseline} and the server's report
     * ({@code null} for an echo peer).
     */
    Summary summary(long[] baseline, ServerReport report);

    /** Closes every connection; never throws. */
    @Override
    void close();
}
