package dev.sockit.bench;

import java.util.List;

/**
 * What happened in one interval of the measurement (warm-up excluded).
 * @param index 0, 1, ...
 * @param start seconds since the measurement started
 * @param end seconds since the measurement started
 * @param values per stream: bytes, round trips or connects in the interval; for {@code conns},
 *     connections open at its end
 */
public record Interval(int index, double start, double end, List<Long> values) {
    /** Copies the list. */
    public Interval {
        values = List.copyOf(values);
    }

    /** The sum over the streams. */
    public long total() {
        return ServerReport.sum(values);
    }

    /** Seconds the interval lasted. */
    public double seconds() {
        return end - start;
    }
}
