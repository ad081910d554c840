package dev.sockit.server;

import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.UnixSockAddr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link TcpServer} or {@link UdpServer} runs: where it listens, how many event loops,
 * and the bound on everything that could grow. Immutable; made with {@link #builder()}.
 *
 * <p>Defaults were measured on a 2-core machine with the load generator on the same box
 * ({@code docs/benchmarks.md}): one event loop, because two loops plus the client make three
 * runnable threads on two cores and each waits out scheduler slices.
 */
public final class ServerConfig {
    /** No idle timeout. */
    public static final Duration NO_TIMEOUT = Duration.ZERO;

    private final List<InetSockAddr> bindAddresses;
    private final List<UnixSockAddr> unixPaths;
    private final int eventLoops;
    private final int backlog;
    private final int maxConnections;
    private final Duration idleTimeout;
    private final int writeLowWatermark;
    private final int writeHighWatermark;
    private final int writeQueueLimit;
    private final int readBufferSize;
    private final int writeChunkSize;
    private final int bufferPoolLimit;
    private final int maxPeers;
    private final int maxDatagramSize;
    private final boolean v6Only;

    private ServerConfig(Builder b) {
        this.bindAddresses = List.copyOf(b.bindAddresses);
        this.unixPaths = List.copyOf(b.unixPaths);
        this.eventLoops = b.eventLoops;
        this.backlog = b.backlog;
        this.maxConnections = b.maxConnections;
        this.idleTimeout = b.idleTimeout;
        this.writeLowWatermark = b.writeLowWatermark;
        this.writeHighWatermark = b.writeHighWatermark;
        this.writeQueueLimit = b.writeQueueLimit;
        this.readBufferSize = b.readBufferSize;
        this.writeChunkSize = b.writeChunkSize;
        this.bufferPoolLimit = b.bufferPoolLimit;
        this.maxPeers = b.maxPeers;
        this.maxDatagramSize = b.maxDatagramSize;
        this.v6Only = b.v6Only;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The IP addresses to listen on (at least one of these or {@link #unixPaths()}). */
    public List<InetSockAddr> bindAddresses() {
        return bindAddresses;
    }

    /** The UNIX stream socket paths a {@link TcpServer} listens on (none for a {@link UdpServer}). */
    public List<UnixSockAddr> unixPaths() {
        return unixPaths;
    }

    /** Event-loop threads; each owns one selector and the connections registered on it. */
    public int eventLoops() {
        return eventLoops;
    }

    /** The listen backlog. */
    public int backlog() {
        return backlog;
    }

    /** Open connections at most (TCP); further connections are accepted and closed at once. */
    public int maxConnections() {
        return maxConnections;
    }

    /** A connection (TCP) or peer (UDP) with no traffic this long is closed; zero: never. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Queued bytes at or below which a connection that was unwritable is writable again. */
    public int writeLowWatermark() {
        return writeLowWatermark;
    }

    /** Queued bytes above which a connection turns unwritable. */
    public int writeHighWatermark() {
        return writeHighWatermark;
    }

    /** Queued bytes above which the connection is closed ({@link CloseCause.Reason#WRITE_OVERFLOW}). */
    public int writeQueueLimit() {
        return writeQueueLimit;
    }

    /** The size of each loop's read buffer (one per loop, reused for every read). */
    public int readBufferSize() {
        return readBufferSize;
    }

    /** The size of the pooled buffers that hold bytes the kernel did not take at once. */
    public int writeChunkSize() {
        return writeChunkSize;
    }

    /** Write chunks each loop keeps for reuse at most; more are left to the collector. */
    public int bufferPoolLimit() {
        return bufferPoolLimit;
    }

    /** UDP: peers with state at most; datagrams from further peers are dropped and counted. */
    public int maxPeers() {
        return maxPeers;
    }

    /** UDP: the largest datagram received whole; longer ones are truncated by the kernel. */
    public int maxDatagramSize() {
        return maxDatagramSize;
    }

    /** Whether IPv6 addresses are bound {@code IPV6_V6ONLY}: IPv4 clients are refused by the kernel. */
    public boolean v6Only() {
        return v6Only;
    }

    @Override
    public String toString() {
        return "ServerConfig[bind=" + bindAddresses + ", unix=" + unixPaths + ", eventLoops=" + eventLoops
                + ", maxConnections=" + maxConnections + ", idleTimeout=" + idleTimeout
                + ", watermarks=" + writeLowWatermark + "/" + writeHighWatermark
                + ", writeQueueLimit=" + writeQueueLimit
                + ", readBufferSize=" + readBufferSize + ", writeChunkSize=" + writeChunkSize
                + ", bufferPoolLimit=" + bufferPoolLimit + ", maxPeers=" + maxPeers
                + ", maxDatagramSize=" + maxDatagramSize + ", v6Only=" + v6Only + "]";
    }

    /** Builds a {@link ServerConfig}; every setter checks its argument at once. */
    public static final class Builder {
        private final List<InetSockAddr> bindAddresses = new ArrayList<>();
        private final List<UnixSockAddr> unixPaths = new ArrayList<>();
        private int eventLoops = 1;
        private int backlog = 4096;
        private int maxConnections = 16_384;
        private Duration idleTimeout = NO_TIMEOUT;
        private int writeLowWatermark = 32 * 1024;
        private int writeHighWatermark = 64 * 1024;
        private int writeQueueLimit = 4 * 1024 * 1024;
        private int readBufferSize = 64 * 1024;
        private int writeChunkSize = 16 * 1024;
        private int bufferPoolLimit = 256;
        private int maxPeers = 4096;
        private int maxDatagramSize = 65_507;
        private boolean v6Only;

        private Builder() {
        }

        /** Adds an address to listen on (port 0: the kernel picks one). */
        public Builder bind(InetSockAddr address) {
            bindAddresses.add(Objects.requireNonNull(address, "address"));
            return this;
        }

        /**
         * Adds a UNIX stream socket path to listen on ({@link TcpServer} only). The path must not
         * exist: the server binds it, and does not remove it when it stops.
         */
        public Builder bindUnix(UnixSockAddr path) {
            Objects.requireNonNull(path, "path");
            if (path.isUnnamed()) {
                throw new IllegalArgumentException("path: unnamed (expected: a file system path)");
            }
            unixPaths.add(path);
            return this;
        }

        /** Event-loop threads, {@code 1..256}. Default 1 (measured, see the class note). */
        public Builder eventLoops(int n) {
            eventLoops = requireRange("eventLoops", n, 1, 256);
            return this;
        }

        /** The listen backlog, {@code 1..65535}. Default 4096. */
        public Builder backlog(int n) {
            backlog = requireRange("backlog", n, 1, 65535);
            return this;
        }

        /** Open connections at most, {@code 1..}. Default 16384. */
        public Builder maxConnections(int n) {
            maxConnections = requireRange("maxConnections", n, 1, Integer.MAX_VALUE);
            return this;
        }

        /** Idle timeout; {@link #NO_TIMEOUT} (zero) for none, the default. */
        public Builder idleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout: " + timeout + " (expected: >= 0)");
            }
            idleTimeout = timeout;
            return this;
        }

        /** Low and high write watermarks in bytes, {@code 0 <= low <= high}. Default 32 KiB / 64 KiB. */
        public Builder writeWatermarks(int low, int high) {
            requireRange("writeLowWatermark", low, 0, Integer.MAX_VALUE);
            requireRange("writeHighWatermark", high, Math.max(low, 1), Integer.MAX_VALUE);
            writeLowWatermark = low;
            writeHighWatermark = high;
            return this;
        }

        /** Queued bytes at most before the connection is closed, {@code 1..}. Default 4 MiB. */
        public Builder writeQueueLimit(int bytes) {
            writeQueueLimit = requireRange("writeQueueLimit", bytes, 1, Integer.MAX_VALUE);
            return this;
        }

        /** The read buffer size, {@code 512..16 MiB}. Default 64 KiB. */
        public Builder readBufferSize(int bytes) {
            readBufferSize = requireRange("readBufferSize", bytes, 512, 16 << 20);
            return this;
        }

        /** The write chunk size, {@code 512..16 MiB}. Default 16 KiB. */
        public Builder writeChunkSize(int bytes) {
            writeChunkSize = requireRange("writeChunkSize", bytes, 512, 16 << 20);
            return this;
        }

        /** Pooled write chunks per loop at most, {@code 0..}. Default 256. */
        public Builder bufferPoolLimit(int chunks) {
            bufferPoolLimit = requireRange("bufferPoolLimit", chunks, 0, Integer.MAX_VALUE);
            return this;
        }

        /** UDP peers with state at most, {@code 1..}. Default 4096. */
        public Builder maxPeers(int n) {
            maxPeers = requireRange("maxPeers", n, 1, Integer.MAX_VALUE);
            return this;
        }

        /** UDP receive size, {@code 1..65535}. Default 65507. */
        public Builder maxDatagramSize(int bytes) {
            maxDatagramSize = requireRange("maxDatagramSize", bytes, 1, 65535);
            return this;
        }

        /**
         * Whether an IPv6 bind address gets {@code IPV6_V6ONLY} set before {@code bind}, so the
         * kernel refuses IPv4 clients ({@code ECONNREFUSED}) instead of handing them over as
         * IPv4-mapped addresses. Default false (the JDK's dual stack). IPv4 addresses are not
         * affected. Setting it needs {@code --add-opens java.base/sun.nio.ch}; without it
         * {@link TcpServer#start}/{@link UdpServer#start} fail with an {@link java.io.IOException}
         * that says so.
         */
        public Builder v6Only(boolean on) {
            v6Only = on;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalStateException if no address was given to {@link #bind} or
         *     {@link #bindUnix}, or the
         *     write queue limit is below the high watermark
         */
        public ServerConfig build() {
            if (bindAddresses.isEmpty() && unixPaths.isEmpty()) {
                throw new IllegalStateException("no bind address (call bind or bindUnix first)");
            }
            if (writeQueueLimit < writeHighWatermark) {
                throw new IllegalStateException("writeQueueLimit: " + writeQueueLimit
                        + " (expected: >= writeHighWatermark " + writeHighWatermark + ")");
            }
            return new ServerConfig(this);
        }

        private static int requireRange(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + ": " + value + " (expected: " + min + "-" + max + ")");
            }
            return value;
        }
    }
}
