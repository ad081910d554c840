package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.SocketType;
import java.io.IOException;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a {@link Socket} asks of the JDK when it needs a new channel: which socket types the
 * JDK can make (and the errno Linux gives for those it cannot), non-blocking channels of
 * each kind, a connected UNIX pair, and a multicast interface.
 */
final class NioChannels {
    private NioChannels() {
    }

    /**
     * The protocol a socket of {@code family} and {@code type} gets for {@code proto}: the
     * type's own (6 for TCP, 17 for UDP) for 0; or the error Linux gives, with a message that
     * says what the JDK lacks where that is the reason.
     */
    static int protocol(AddressFamily family, SocketType type, int proto) throws IOException {
        String target = family + " " + type;
        if (family == AddressFamily.AF_UNSPEC) {
            throw Errors.of(Errno.EAFNOSUPPORT, "socket", target);
        }
        if (type == SocketType.SOCK_RAW) {
            throw Errors.of(Errno.EPROTONOSUPPORT, "socket", target, "the JDK has no raw sockets");
        }
        if (type == SocketType.SOCK_SEQPACKET) {
            throw Errors.of(Errno.ESOCKTNOSUPPORT, "socket", target, "the JDK has no SOCK_SEQPACKET sockets");
        }
        if (family == AddressFamily.AF_UNIX) {
            if (proto != 0 && proto != 1) {
                throw Errors.of(Errno.EPROTONOSUPPORT, "socket", target, "protocol " + proto);
            }
            if (type == SocketType.SOCK_DGRAM) {
                throw Errors.of(Errno.ESOCKTNOSUPPORT, "socket", target, "the JDK has no UNIX datagram sockets");
            }
            return proto;
        }
        int own = type == SocketType.SOCK_STREAM ? 6 : 17;
        if (proto != 0 && proto != own) {
            throw Errors.of(Errno.EPROTONOSUPPORT, "socket", target, "protocol " + proto);
        }
        return own;
    }

    /** A new, unbound, non-blocking {@code SocketChannel} of {@code family}. */
    static SocketChannel openStream(AddressFamily family) throws IOException {
        try {
            SocketChannel stream = SocketChannel.open(protocolFamily(family));
            stream.configureBlocking(false);
            return stream;
        } catch (IOException | RuntimeException e) {
            throw JdkErrors.map(e, "socket", "", Errno.EAFNOSUPPORT);
        }
    }

    /** A new, unbound, non-blocking {@code DatagramChannel} of {@code family}. */
    static DatagramChannel openDatagram(AddressFamily family) throws IOException {
        try {
            DatagramChannel datagrams = DatagramChannel.open(protocolFamily(family));
            datagrams.configureBlocking(false);
            return datagrams;
        } catch (IOException | RuntimeException e) {
            throw JdkErrors.map(e, "socket", "", Errno.EAFNOSUPPORT);
        }
    }

    /** The JDK's protocol family for {@code family}. */
    static ProtocolFamily protocolFamily(AddressFamily family) {
        return switch (family) {
            case AF_INET -> StandardProtocolFamily.INET;
            case AF_INET6 -> StandardProtocolFamily.INET6;
            case AF_UNIX -> StandardProtocolFamily.UNIX;
            case AF_UNSPEC -> throw new IllegalArgumentException("family: AF_UNSPEC (expected: a concrete family)");
        };
    }

    /**
     * Two connected, non-blocking UNIX stream channels: what C's {@code socketpair} gives. The
     * JDK has none, so this listens on a path in a new private temporary directory, connects,
     * accepts, and removes the path and the directory before returning.
     */
    static SocketChannel[] connectedUnixPair() throws IOException {
        Path directory = null;
        Path path = null;
        SocketChannel first = null;
        try {
            directory = Files.createTempDirectory("sockit-pair");
            path = directory.resolve("s");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(path), 1);
                first = SocketChannel.open(UnixDomainSocketAddress.of(path));
                SocketChannel second = server.accept();
                first.configureBlocking(false);
                second.configureBlocking(false);
                return new SocketChannel[] {first, second};
            }
        } catch (IOException | RuntimeException e) {
            if (first != null) {
                first.close();
            }
            throw JdkErrors.map(e, "socketpair", "", Errno.EMFILE);
        } finally {
            if (path != null) {
                Files.deleteIfExists(path);
            }
            if (directory != null) {
                Files.deleteIfExists(directory);
            }
        }
    }

    /**
     * The interface that has address {@code iface}, for a multicast join; for
     * {@link Ipv4Address#ANY}, where Linux picks by route and the JDK needs one, the first
     * multicast interface that is up, or the loopback interface if none is.
     *
     * @throws IOException a {@link SocketError}: {@code ENODEV} if there is no such interface
     */
    static NetworkInterface multicastInterface(Ipv4Address iface) throws IOException {
        if (!iface.isUnspecified()) {
            NetworkInterface named = NetworkInterface.getByInetAddress(iface.toInetAddress());
            if (named == null) {
                throw Errors.of(Errno.ENODEV, "setsockopt", "IP_ADD_MEMBERSHIP", "no interface has " + iface);
            }
            return named;
        }
        NetworkInterface fallback = null;
        for (NetworkInterface candidate : NetworkInterface.networkInterfaces().toList()) {
            if (!candidate.isUp()) {
                continue;
            }
            if (candidate.isLoopback()) {
                fallback = fallback == null ? candidate : fallback;
            } else if (candidate.supportsMulticast()) {
                return candidate;
            }
        }
        if (fallback == null) {
            throw Errors.of(Errno.ENODEV, "setsockopt", "IP_ADD_MEMBERSHIP", "no interface is up");
        }
        return fallback;
    }
}
