package dev.sockit.bench;

/**
 * What a UDP receiver learns from the headers of one stream's datagrams: how many arrived,
 * how many came after one with a higher sequence number (out of order), and the RFC 3550
 * interarrival jitter, {@code J += (|D| - J) / 16} with {@code D} the change in transit time
 * (arrival minus the sender's timestamp; the clocks' offset cancels out).
 *
 * <p>One thread records; any thread may read: {@link #received} is written last, so a reader
 * that reads it first sees the other counts at least as new.
 */
final class UdpReceiveStats {
    private long bytes;
    private long outOfOrder;
    private long maxSeq = -1;
    private long lastTransit;
    private double jitter;
    private volatile long received;

    /** Records one datagram of {@code length} bytes with header {@code seq}, sent at {@code sentNanos}. */
    void record(long seq, long sentNanos, long arrivalNanos, int length) {
        long transit = arrivalNanos - sentNanos;
        long n = received;
        if (n > 0) {
            jitter += (Math.abs(transit - lastTransit) - jitter) / 16;
        }
        lastTransit = transit;
        if (seq < maxSeq) {
            outOfOrder++;
        } else {
            maxSeq = seq;
        }
        bytes += length;
        received = n + 1;
    }

    long received() {
        return received;
    }

    long bytes() {
        long fence = received;
        return fence >= 0 ? bytes : 0;
    }

    long outOfOrder() {
        long fence = received;
        return fence >= 0 ? outOfOrder : 0;
    }

    long jitterNanos() {
        long fence = received;
        return fence >= 0 ? Math.round(jitter) : 0;
    }

    /** Datagrams of {@code sent} that did not arrive (never negative: a duplicate is not a gain). */
    long lost(long sent) {
        return Math.max(0, sent - received);
    }
}
