package dev.sockit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void buckets_coverEveryValueOnce_inOrder() {
        long previousHigh = -1;
        for (int i = 0; i < Histogram.index(Histogram.MAX_TRACKED - 1) + 1; i++) {
            assertThat(Histogram.lowestOf(i)).isEqualTo(previousHigh + 1);
            assertThat(Histogram.highestOf(i)).isGreaterThanOrEqualTo(Histogram.lowestOf(i));
            assertThat(Histogram.index(Histogram.lowestOf(i))).isEqualTo(i);
            assertThat(Histogram.index(Histogram.highestOf(i))).isEqualTo(i);
            previousHigh = Histogram.highestOf(i);
        }
        assertThat(previousHigh).isEqualTo(Histogram.MAX_TRACKED - 1);
    }

    @Test
    void buckets_areNarrowerThanOnePercentOfTheirValues() {
        for (long v : new long[] {300, 4_096, 123_456, 98_765_432, 1L << 39}) {
            int i = Histogram.index(v);
            assertThat((double) (Histogram.highestOf(i) - Histogram.lowestOf(i)) / v).isLessThan(0.01);
        }
    }

    @Test
    void valueAt_uniformValues_givesTheirPercentilesWithinOnePercent() {
        Histogram h = new Histogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1000);
        }
        assertThat(h.count()).isEqualTo(100_000);
        assertThat(h.valueAt(50)).isBetween(49_500_000L, 50_500_000L);
        assertThat(h.valueAt(99)).isBetween(98_000_000L, 100_000_000L);
        assertThat(h.valueAt(100)).isEqualTo(100_000_000L);
        assertThat(h.min()).isEqualTo(1000);
        assertThat(h.max()).isEqualTo(100_000_000L);
        assertThat(h.mean()).isEqualTo(50_000_500.0);
    }

    @Test
    void percentiles_areOrdered_andMaxIsExact() {
        Histogram h = new Histogram();
        for (long v : new long[] {5, 70, 900, 12_345, 7_777_777, 123_456_789_123L}) {
            h.record(v);
        }
        Percentiles p = h.percentiles();
        assertThat(List.of(p.min(), p.p50(), p.p90(), p.p99(), p.p999(), p.max())).isSorted();
        assertThat(p.max()).isEqualTo(123_456_789_123L);
        assertThat(p.count()).isEqualTo(6);
    }

    @Test
    void record_hugeAndNegative_areClampedNotLost() {
        Histogram h = new Histogram();
        h.record(-5);
        h.record(Long.MAX_VALUE);
        assertThat(h.count()).isEqualTo(2);
        assertThat(h.min()).isZero();
        assertThat(h.max()).isEqualTo(Long.MAX_VALUE);
        assertThat(h.valueAt(100)).isEqualTo(Histogram.MAX_TRACKED - 1);
    }

    @Test
    void empty_isAllZero() {
        Histogram h = new Histogram();
        assertThat(h.valueAt(99)).isZero();
        assertThat(h.percentiles()).isEqualTo(new Percentiles(0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(h.bins(10)).isEmpty();
    }

    @Test
    void valueAt_outOfRange_throws() {
        assertThatThrownBy(() -> new Histogram().valueAt(100.5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0-100");
        assertThatThrownBy(() -> new Histogram().valueAt(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void add_sumsCounts_andResetForgets() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        a.record(10);
        b.record(1_000_000);
        b.record(2_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.max()).isEqualTo(2_000_000);
        assertThat(a.copy().valueAt(50)).isEqualTo(a.valueAt(50));
        a.reset();
        assertThat(a.count()).isZero();
        assertThat(b.count()).isEqualTo(2);
    }

    @Test
    void bins_holdEveryValue_inAscendingRanges() {
        Histogram h = new Histogram();
        for (long v = 1; v < 5_000_000; v = v * 3 + 1) {
            for (int k = 0; k < 5; k++) {
                h.record(v + k);
            }
        }
        List<Histogram.Bin> bins = h.bins(20);
        assertThat(bins.stream().mapToLong(Histogram.Bin::count).sum()).isEqualTo(h.count());
        assertThat(bins.size()).isLessThanOrEqualTo(20);
        for (int i = 1; i < bins.size(); i++) {
            assertThat(bins.get(i).low()).isGreaterThan(bins.get(i - 1).high());
        }
    }
}
