package dev.sockit.net;

import dev.sockit.addr.AddrInfo;
import dev.sockit.addr.AddrInfoHints;
import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.AiFlag;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.Resolver;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Socket#createConnection} and {@link Socket#createServer}, built on the public calls
 * only, as Python's {@code socket.create_connection} and {@code socket.create_server} are.
 * Stateless; their contracts are on {@link Socket}.
 */
final class SocketCreation {
    private SocketCreation() {
    }

    /** The first of {@code addresses} that connects, or the last one's error. */
    static Socket firstConnected(List<InetSockAddr> addresses, Duration timeout, Optional<InetSockAddr> source)
            throws IOException {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(source, "source");
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("addresses: empty (expected: at least one)");
        }
        SocketArgs.checkTimeout(timeout);
        IOException last = null;
        for (InetSockAddr address : addresses) {
            Socket socket = Socket.socket(address.family(), SocketType.SOCK_STREAM);
            try {
                socket.settimeout(timeout);
                if (source.isPresent()) {
                    socket.bind(source.get());
                }
                socket.connect(address);
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last;
    }

    /** {@code host}'s stream addresses for {@code port}, in the resolver's order. */
    static List<InetSockAddr> resolved(String host, int port) throws IOException {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
        return Resolver.getaddrinfo(host, Integer.toString(port),
                        AddrInfoHints.ANY.withType(SocketType.SOCK_STREAM).withFlags(AiFlag.AI_NUMERICSERV))
                .stream()
                .map(AddrInfo::address)
                .toList();
    }

    /** A listening socket bound to {@code address}, closed if any step fails. */
    static Socket listening(SockAddr address, int backlog, boolean reusePort, boolean dualStack) throws IOException {
        Objects.requireNonNull(address, "address");
        if (dualStack && address.family() != AddressFamily.AF_INET6) {
            throw new IllegalArgumentException("dualStack: " + address.family() + " address (expected: AF_INET6)");
        }
        Socket socket = Socket.socket(address.family(), SocketType.SOCK_STREAM);
        try {
            socket.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR, 1);
            if (reusePort) {
                socket.setsockopt(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEPORT, 1);
            }
            if (address.family() == AddressFamily.AF_INET6) {
                if (dualStack) {
                    socket.setsockopt(SockOpt.IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, 0);
                } else {
                    try {
                        socket.setsockopt(SockOpt.IPPROTO_IPV6, SockOpt.IPV6_V6ONLY, 1);
                    } catch (SocketErrnoException cannot) {
                        // As Python: a socket that cannot be IPv6-only stays dual-stack.
                    }
                }
            }
            socket.bind(address);
            socket.listen(backlog);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
