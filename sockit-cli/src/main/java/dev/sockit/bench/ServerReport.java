package dev.sockit.bench;

import java.util.List;

/**
 * What the server counted for one session, since the client's {@code MARK} (or the start),
 * each list indexed by stream.
 * @param bytes bytes received (sink streams) or sent (source streams)
 * @param datagrams UDP datagrams received (forward) or sent (reverse)
 * @param lost UDP datagrams the client sent that did not arrive (forward streams)
 * @param outOfOrder UDP datagrams that arrived after one with a higher sequence number
 * @param jitterNanos RFC 3550 interarrival jitter per stream
 * @param held hold connections (conns) open when the client ended
 */
public record ServerReport(List<Long> bytes, List<Long> datagrams, List<Long> lost, List<Long> outOfOrder,
        List<Long> jitterNanos, long held) {
    /** Copies the lists. */
    public ServerReport {
        bytes = List.copyOf(bytes);
        datagrams = List.copyOf(datagrams);
        lost = List.copyOf(lost);
        outOfOrder = List.copyOf(outOfOrder);
        jitterNanos = List.copyOf(jitterNanos);
    }

    /** The sum of {@code values}. */
    public static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
