package dev.sockit.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of non-negative values (nanoseconds) in log-linear buckets, in fixed memory: values
 * below 256 each have their own bucket; above, every power of two is split into 128 equal
 * buckets, so a value is known to within 1/128 (0.8 %) of itself. Values of
 * {@value #MAX_TRACKED} and above share the last bucket; the exact largest value is kept apart.
 *
 * <p>Not thread-safe: one thread records; others read after it is done, or a {@link #copy()}
 * handed over by that thread. {@link #record} allocates nothing.
 */
public final class Histogram {
    /** Values at or above this (2^40 ns, about 18 minutes) are counted in the last bucket. */
    public static final long MAX_TRACKED = 1L << 40;
    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int BUCKETS = index(MAX_TRACKED - 1) + 1;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    /** Records one value; a negative value is recorded as zero. */
    public void record(long value) {
        long v = Math.max(0, value);
        counts[index(Math.min(v, MAX_TRACKED - 1))]++;
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
    }

    /** Adds every count of {@code other} to this one. */
    public void add(Histogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Forgets every value. */
    public void reset() {
        java.util.Arrays.fill(counts, 0);
        count = 0;
        sum = 0;
        min = Long.MAX_VALUE;
        max = 0;
    }

    /** A copy of the counts now. */
    public Histogram copy() {
        Histogram copy = new Histogram();
        copy.add(this);
        return copy;
    }

    /** Values recorded. */
    public long count() {
        return count;
    }

    /** The smallest value recorded, 0 when none. */
    public long min() {
        return count == 0 ? 0 : min;
    }

    /** The largest value recorded (exact), 0 when none. */
    public long max() {
        return max;
    }

    /** The mean of the values recorded, 0 when none. */
    public double mean() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The value at {@code percentile} (0..100): the highest value of the bucket that holds the
     * value of that rank, never above {@link #max()}; 0 when nothing was recorded.
     * @throws IllegalArgumentException if {@code percentile} is outside 0..100
     */
    public long valueAt(double percentile) {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile: " + percentile + " (expected: 0-100)");
        }
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * count));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestOf(i), max);
            }
        }
        return max;
    }

    /** The percentiles p50, p90, p99, p99.9 and the extremes, in one value. */
    public Percentiles percentiles() {
        return new Percentiles(count, min(), valueAt(50), valueAt(90), valueAt(99), valueAt(99.9), max(), mean());
    }

    /**
     * The non-empty buckets merged into at most about {@code bins} bins of equal width on a log
     * scale, from the smallest value to the largest: what a chart draws.
     */
    public List<Bin> bins(int bins) {
        List<Bin> out = new ArrayList<>();
        if (count == 0) {
            return out;
        }
        double lo = Math.log(Math.max(1, min()));
        double hi = Math.log(Math.max(2, max()) + 1);
        double width = Math.max((hi - lo) / Math.max(1, bins), 1e-9);
        long binCount = 0;
        long binLow = -1;
        int current = -1;
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] == 0) {
                continue;
            }
            long low = lowestOf(i);
            int b = (int) Math.min(bins - 1, Math.max(0, Math.floor((Math.log(Math.max(1, low)) - lo) / width)));
            if (b != current && binCount > 0) {
                out.add(new Bin(binLow, lowestOf(i) - 1, binCount));
                binCount = 0;
            }
            if (binCount == 0) {
                binLow = low;
            }
            current = b;
            binCount += counts[i];
        }
        out.add(new Bin(binLow, Math.min(max, MAX_TRACKED), binCount));
        return out;
    }

    /** Values {@code low..high} (nanoseconds), {@code count} of them. */
    public record Bin(long low, long high, long count) {
    }

    static int index(long v) {
        if (v < 2 * SUB_COUNT) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - SUB_BITS;
        return (shift + 1) * SUB_COUNT + (int) ((v >>> shift) - SUB_COUNT);
    }

    static long lowestOf(int index) {
        if (index < 2 * SUB_COUNT) {
            return index;
        }
        int shift = index / SUB_COUNT - 1;
        return (long) (SUB_COUNT + index % SUB_COUNT) << shift;
    }

    static long highestOf(int index) {
        if (index < 2 * SUB_COUNT) {
            return index;
        }
        int shift = index / SUB_COUNT - 1;
        return lowestOf(index) + (1L << shift) - 1;
    }
}
