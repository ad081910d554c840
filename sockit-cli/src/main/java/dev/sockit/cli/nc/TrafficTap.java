package dev.sockit.cli.nc;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Sees the bytes of a session as they pass: the {@code -o} session log and the {@code -x} hex
 * dump. Safe to call from any thread; each call is recorded whole, in call order.
 */
public interface TrafficTap extends Closeable {

    /** Which way bytes went: {@code >} sockit sent them, {@code <} sockit received them. */
    enum Direction {
        SENT('>'), RECEIVED('<');

        private final char mark;

        Direction(char mark) {
            this.mark = mark;
        }

        /** {@code '>'} or {@code '<'}, as the hex dump marks blocks. */
        public char mark() {
            return mark;
        }
    }

    /** A tap that records nothing. */
    TrafficTap NONE = new TrafficTap() {
        @Override
        public void record(Direction direction, ByteBuffer data) {
        }

        @Override
        public void close() {
        }
    };

    /**
     * Records the remaining bytes of {@code data} without consuming them (its position is
     * unchanged). An I/O error writing the record is reported once on close, not here: a full
     * disk must not end the session.
     */
    void record(Direction direction, ByteBuffer data);

    /** Flushes and closes the record; throws the first write error it met, if any. */
    @Override
    void close() throws java.io.IOException;

    /**
     * The taps the command line asks for: the {@code -o} {@link SessionLog} and the {@code -x}
     * {@link HexDump}, appending with {@code --append-output}; {@link #NONE} for neither.
     *
     * @throws UsageError if a file cannot be opened for writing
     */
    static TrafficTap open(NetcatOptions options, java.time.Clock clock) {
        List<TrafficTap> taps = new java.util.ArrayList<>();
        try {
            if (options.outputLog != null) {
                taps.add(SessionLog.open(options.outputLog, options.appendOutput));
            }
            if (options.hexDump != null) {
                taps.add(HexDump.open(options.hexDump, options.appendOutput, clock));
            }
        } catch (UsageError e) {
            for (TrafficTap tap : taps) {
                try {
                    tap.close();
                } catch (java.io.IOException ignored) {
                    // the usage error is what the user must see
                }
            }
            throw e;
        }
        return all(taps);
    }

    /** Every tap of {@code taps} in turn; {@link #NONE} for none. */
    static TrafficTap all(List<TrafficTap> taps) {
        if (taps.isEmpty()) {
            return NONE;
        }
        if (taps.size() == 1) {
            return taps.get(0);
        }
        List<TrafficTap> copy = List.copyOf(taps);
        return new TrafficTap() {
            @Override
            public void record(Direction direction, ByteBuffer data) {
                for (TrafficTap tap : copy) {
                    tap.record(direction, data);
                }
            }

            @Override
            public void close() throws java.io.IOException {
                java.io.IOException first = null;
                for (TrafficTap tap : copy) {
                    try {
                        tap.close();
                    } catch (java.io.IOException e) {
                        first = first == null ? e : first;
                    }
                }
                if (first != null) {
                    throw first;
                }
            }
        };
    }
}
