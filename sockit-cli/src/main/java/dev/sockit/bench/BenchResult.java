package dev.sockit.bench;

import java.util.List;

/**
 * A finished run: what {@code --json}'s {@code end} event and {@code --report} are made from.
 * @param start what was announced at the start
 * @param seconds how long the measurement ran (warm-up excluded)
 * @param intervals the interval reports
 * @param summary the totals of the mode
 */
public record BenchResult(BenchStart start, double seconds, List<Interval> intervals, Summary summary) {
    /** Copies the list. */
    public BenchResult {
        intervals = List.copyOf(intervals);
    }
}
