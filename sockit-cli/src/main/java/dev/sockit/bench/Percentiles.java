package dev.sockit.bench;

/**
 * A distribution in a few numbers, all in nanoseconds except {@code count}.
 * @param count values recorded
 */
public record Percentiles(long count, long min, long p50, long p90, long p99, long p999, long max, double mean) {
}
