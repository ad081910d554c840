package dev.sockit.cli.nc;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.GaiException;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import dev.sockit.net.Errno;
import dev.sockit.net.SockOpt;
import dev.sockit.net.Socket;
import dev.sockit.net.SocketError;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Makes connect mode's socket: a TCP connection tried on each address of the host in turn
 * ({@code -w} bounding each attempt), retried with {@code --wait-for-port} (until {@code -w},
 * if given, as the overall deadline) or {@code --retry N}, every {@code --retry-interval}; a
 * UNIX stream connection; or a connected UDP socket. Socket options, {@code -s} and
 * {@code -p} are set before connecting. Blocks while connecting.
 */
final class Connector {
    static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofMillis(250);

    /** A connected socket and the address it is connected to. */
    record Connected(Socket socket, dev.sockit.addr.SockAddr peer) {
    }

    private final NetcatOptions options;
    private final SocketTuning tuning;
    private final AddressFamily family;
    private final Optional<IpAddress> source;
    private final int sourcePort;

    Connector(NetcatOptions options) {
        this.options = options;
        this.tuning = SocketTuning.of(options);
        this.source = Endpoints.source(options);
        this.family = source.map(IpAddress::family).orElse(Endpoints.family(options));
        this.sourcePort = options.sourcePort == null ? 0 : PortSpec.port("-p", options.sourcePort, true);
    }

    /**
     * Connects over TCP to {@code host} {@code port}.
     *
     * @throws ConnectFailure status 1 for a refused connection or a name not found, 3 for a
     *     timeout or when the retries gave up
     */
    Connected tcp(String host, int port) throws ConnectFailure {
        boolean retrying = options.waitForPort || options.retries != null;
        Duration interval = options.retryInterval == null ? DEFAULT_RETRY_INTERVAL : options.retryInterval;
        long deadline = options.waitForPort && options.connectTimeout != null
                ? System.nanoTime() + options.connectTimeout.toNanos() : Long.MAX_VALUE;
        int attempts = 0;
        while (true) {
            attempts++;
            Optional<Duration> attemptTimeout = deadline == Long.MAX_VALUE
                    ? Optional.ofNullable(options.connectTimeout)
                    : Optional.of(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            IOException failure;
            try {
                return tcpOnce(host, port, attemptTimeout);
            } catch (IOException e) {
                failure = e;
            }
            boolean more = options.waitForPort
                    ? System.nanoTime() + interval.toNanos() < deadline
                    : options.retries != null && attempts <= options.retries;
            if (!more) {
                if (retrying) {
                    throw new ConnectFailure(ExitStatus.CONNECT_TIMEOUT, "gave up connecting to " + host + " " + port
                            + " after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + failure.getMessage());
                }
                throw new ConnectFailure(statusOf(failure), failure.getMessage());
            }
            pause(interval);
        }
    }

    /**
     * Connects to the UNIX stream socket at {@code path}, within {@code -w} if given.
     *
     * @throws ConnectFailure status 1 ({@code ENOENT}, {@code ECONNREFUSED}, ...) or 3
     */
    Connected unix(String path) throws ConnectFailure {
        UnixSockAddr address;
        try {
            address = new UnixSockAddr(path);
        } catch (IllegalArgumentException e) {
            throw new UsageError("-U " + path + ": " + e.getMessage());
        }
        Socket socket = null;
        try {
            socket = Socket.socket(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM);
            tuning.apply(socket);
            connect(socket, address, Optional.ofNullable(options.connectTimeout));
            return new Connected(socket, address);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ConnectFailure(statusOf(e), e.getMessage());
        }
    }

    /**
     * Makes a UDP socket connected to the first address of {@code host} {@code port}; nothing
     * is sent.
     *
     * @throws ConnectFailure status 1 when the name is not found or the socket cannot be made
     */
    Connected udp(String host, int port) throws ConnectFailure {
        List<InetSockAddr> addresses;
        try {
            addresses = Endpoints.resolve(host, port, family, options.noDns, SocketType.SOCK_DGRAM);
        } catch (GaiException e) {
            throw new ConnectFailure(ExitStatus.NETWORK, e.getMessage());
        }
        InetSockAddr peer = addresses.get(0);
        Socket socket = null;
        try {
            socket = Socket.socket(peer.family(), SocketType.SOCK_DGRAM);
            prepare(socket, peer.family());
            socket.connect(peer);
            return new Connected(socket, peer);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ConnectFailure(ExitStatus.NETWORK, e.getMessage());
        }
    }

    private Connected tcpOnce(String host, int port, Optional<Duration> timeout) throws IOException {
        List<InetSockAddr> addresses = Endpoints.resolve(host, port, family, options.noDns, SocketType.SOCK_STREAM);
        IOException last = null;
        for (InetSockAddr address : addresses) {
            Socket socket = Socket.socket(address.family(), SocketType.SOCK_STREAM);
            try {
                prepare(socket, address.family());
                connect(socket, address, timeout);
                return new Connected(socket, address);
            } catch (IOException e) {
                closeQuietly(socket);
                last = e;
            }
        }
        throw last;
    }

    /** Options, then {@code -s}/{@code -p}: before {@code connect}, as the kernel needs them. */
    private void prepare(Socket socket, AddressFamily addressFamily) throws IOException {
        tuning.apply(socket);
        if (source.isPresent() || sourcePort != 0) {
            IpAddress local = source.orElse(addressFamily == AddressFamily.AF_INET6 ? Ipv6Address.ANY : Ipv4Address.ANY);
            if (sourcePort != 0) {
                socket.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR, 1);
            }
            socket.bind(InetSockAddr.of(local, sourcePort));
        }
    }

    private static void connect(Socket socket, dev.sockit.addr.SockAddr address, Optional<Duration> timeout) throws IOException {
        if (timeout.isPresent()) {
            socket.settimeout(timeout.get());
        }
        socket.connect(address);
        socket.setblocking(true);
    }

    /** 3 for a connect that timed out, 1 for every other failure. */
    static int statusOf(IOException e) {
        return e instanceof SocketError error && error.errno() == Errno.ETIMEDOUT ? ExitStatus.CONNECT_TIMEOUT : ExitStatus.NETWORK;
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connect failure is what is reported
            }
        }
    }
}
