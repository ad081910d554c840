package dev.sockit.bench;

import java.util.List;

/**
 * A run about to start.
 * @param spec the test
 * @param target the server's address as connected
 * @param echoPeer whether the peer is a plain echo server (no control connection)
 * @param streams a label per stream, in the order of every per-stream list that follows
 * @param unit what interval values count: {@code bytes}, {@code round_trips}, {@code connects} or {@code open}
 */
public record BenchStart(TestSpec spec, String target, boolean echoPeer, List<String> streams, String unit) {
    /** Copies the list. */
    public BenchStart {
        streams = List.copyOf(streams);
    }
}
