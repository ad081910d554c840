package dev.sockit.bench;

import java.util.List;

/** The totals of one mode's run. */
public sealed interface Summary {

    /**
     * Throughput: a {@link StreamTotals} per stream.
     * @param streams per stream, in {@link BenchStart#streams()} order
     */
    record Throughput(List<StreamTotals> streams) implements Summary {
        /** Copies the list. */
        public Throughput {
            streams = List.copyOf(streams);
        }

        /** Bytes received over all streams. */
        public long receivedBytes() {
            return streams.stream().mapToLong(StreamTotals::receivedBytes).sum();
        }

        /** Bytes sent over all streams. */
        public long sentBytes() {
            return streams.stream().mapToLong(StreamTotals::sentBytes).sum();
        }
    }

    /**
     * One throughput stream, sender's and receiver's counts together.
     * @param label the stream's label
     * @param clientSends whether the client is the sender
     * @param sentBytes bytes the sender wrote
     * @param receivedBytes bytes the receiver read
     * @param sentDatagrams UDP: datagrams sent (0 for TCP)
     * @param receivedDatagrams UDP: datagrams received
     * @param lost UDP: datagrams sent that did not arrive (over the whole run, warm-up included)
     * @param outOfOrder UDP: datagrams that arrived after a later one
     * @param jitterNanos UDP: RFC 3550 jitter
     */
    record StreamTotals(String label, boolean clientSends, long sentBytes, long receivedBytes, long sentDatagrams,
            long receivedDatagrams, long lost, long outOfOrder, long jitterNanos) {
    }

    /**
     * Latency: round trips and their distribution (nanoseconds).
     * @param roundTrips round trips completed
     * @param lost UDP probes with no answer within the timeout
     * @param percentiles the distribution
     * @param bins a histogram for charts
     */
    record Latency(long roundTrips, long lost, Percentiles percentiles, List<Histogram.Bin> bins) implements Summary {
        /** Copies the list. */
        public Latency {
            bins = List.copyOf(bins);
        }
    }

    /**
     * Connect: connections made and their connect times (nanoseconds).
     * @param connects connections established
     * @param failed connection attempts that failed
     * @param percentiles connect-time distribution
     * @param bins a histogram for charts
     */
    record Connect(long connects, long failed, Percentiles percentiles, List<Histogram.Bin> bins) implements Summary {
        /** Copies the list. */
        public Connect {
            bins = List.copyOf(bins);
        }
    }

    /**
     * Conns: connections held.
     * @param requested connections asked for ({@code -c})
     * @param opened connections the client opened
     * @param alive connections still open at the end, as the client sees them
     * @param serverHeld hold connections the server had open at the end (-1: an echo peer, unknown)
     */
    record Conns(int requested, int opened, int alive, long serverHeld) implements Summary {
    }
}
