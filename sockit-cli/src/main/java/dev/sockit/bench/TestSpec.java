package dev.sockit.bench;

import java.time.Duration;

/**
 * What one benchmark run does: the client sends it to the server on the control connection
 * ({@link ControlProtocol}), so both sides agree.
 *
 * @param mode what is measured
 * @param protocol TCP or UDP (throughput and latency; connect and conns are TCP)
 * @param direction who sends (throughput)
 * @param streams parallel streams (throughput), each on its own thread
 * @param length bytes per write (throughput), per message (latency), per datagram (UDP)
 * @param rate target: bits/s for UDP throughput, round trips/s for latency; 0 is as fast as possible
 * @param connections concurrent connections (latency, connect, conns)
 * @param depth messages in flight per connection (latency)
 * @param duration how long the measurement runs, after {@code warmup}
 * @param warmup how long traffic runs before measuring starts
 */
public record TestSpec(Mode mode, Protocol protocol, Direction direction, int streams, int length, long rate,
        int connections, int depth, Duration duration, Duration warmup) {

    /** What is measured. */
    public enum Mode { THROUGHPUT, LATENCY, CONNECT, CONNS }

    /** The transport. */
    public enum Protocol { TCP, UDP }

    /** Who sends, seen from the client: forward (client to server), reverse, or both at once. */
    public enum Direction { FORWARD, REVERSE, BIDIR }

    /** The smallest UDP datagram: the header {@link Datagrams} writes in each one. */
    public static final int MIN_UDP_LENGTH = Datagrams.HEADER;
    /** The largest UDP datagram over IPv4. */
    public static final int MAX_UDP_LENGTH = 65507;
    /** The largest write or message. */
    public static final int MAX_LENGTH = 16 << 20;

    /**
     * Checks every bound.
     * @throws IllegalArgumentException naming the value and its range
     */
    public TestSpec {
        check("streams", streams, 1, 128);
        check("length", length, 1, MAX_LENGTH);
        check("connections", connections, 1, 100_000);
        check("depth", depth, 1, 1024);
        if (rate < 0) {
            throw new IllegalArgumentException("rate: " + rate + " (expected: 0 or more)");
        }
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: more than 0, warmup 0 or more)");
        }
        if (protocol == Protocol.UDP) {
            check("length", length, MIN_UDP_LENGTH, MAX_UDP_LENGTH);
            if (mode == Mode.CONNECT || mode == Mode.CONNS) {
                throw new IllegalArgumentException("udp: " + mode.name().toLowerCase() + " measures TCP connections (expected: no -u)");
            }
        }
    }

    /** The mode's name on the command line and in JSON. */
    public String modeName() {
        return mode.name().toLowerCase();
    }

    /** The protocol's name on the command line and in JSON. */
    public String protocolName() {
        return protocol.name().toLowerCase();
    }

    /** The direction's name on the command line and in JSON. */
    public String directionName() {
        return direction.name().toLowerCase();
    }

    /** Streams sending from the client (throughput). */
    public int forwardStreams() {
        return direction == Direction.REVERSE ? 0 : streams;
    }

    /** Streams sending from the server (throughput). */
    public int reverseStreams() {
        return direction == Direction.FORWARD ? 0 : streams;
    }

    private static void check(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: " + min + "-" + max + ")");
        }
    }
}
