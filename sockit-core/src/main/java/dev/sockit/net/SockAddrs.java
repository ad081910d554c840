package dev.sockit.net;

import dev.sockit.addr.AddressFamily;
import dev.sockit.addr.InetSockAddr;
import dev.sockit.addr.IpAddress;
import dev.sockit.addr.Ipv4Address;
import dev.sockit.addr.Ipv6Address;
import dev.sockit.addr.SockAddr;
import dev.sockit.addr.SocketType;
import dev.sockit.addr.UnixSockAddr;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Socket addresses between sockit and the JDK, and which family goes with which socket. */
final class SockAddrs {
    private SockAddrs() {
    }

    /** The longest UNIX path the JDK binds or connects to, in bytes (it rejects 107 and 108, which Linux takes). */
    static final int JDK_MAX_UNIX_PATH = 106;

    /** The JDK's form of {@code address}. */
    static SocketAddress toJdk(SockAddr address) {
        return switch (address) {
            case InetSockAddr inet -> inet.toInetSocketAddress();
            case UnixSockAddr unix -> UnixDomainSocketAddress.of(unix.path());
        };
    }

    /**
     * sockit's form of an address the JDK reports for a socket of {@code family}: {@code null}
     * (not bound) is the wildcard or the unnamed address, as Linux's {@code getsockname} gives,
     * and an IPv4 address on an IPv6 socket is IPv4-mapped, as Linux gives it (the JDK unmaps
     * it).
     */
    static SockAddr fromJdk(SocketAddress address, AddressFamily family) {
        return switch (address) {
            case null -> unbound(family);
            case InetSocketAddress inet -> {
                IpAddress ip = IpAddress.of(inet.getAddress());
                if (family == AddressFamily.AF_INET6 && ip instanceof Ipv4Address v4) {
                    ip = v4.toMapped();
                }
                yield new InetSockAddr(ip, inet.getPort());
            }
            case UnixDomainSocketAddress unix -> new UnixSockAddr(unix.getPath().toString());
            default -> throw new IllegalArgumentException("address: " + address.getClass().getName()
                    + " (expected: InetSocketAddress or UnixDomainSocketAddress)");
        };
    }

    /** What {@code getsockname} gives for an unbound socket of {@code family}. */
    static SockAddr unbound(AddressFamily family) {
        return switch (family) {
            case AF_INET -> new InetSockAddr(Ipv4Address.ANY, 0);
            case AF_INET6 -> new InetSockAddr(Ipv6Address.ANY, 0);
            default -> UnixSockAddr.UNNAMED;
        };
    }

    /**
     * The errno Linux gives when a socket of {@code family} and {@code type} passes
     * {@code address}, of another family, to {@code call} ({@code "bind"}, {@code "connect"} or
     * {@code "sendto"}), or empty if Linux accepts it.
     *
     * <p>Linux reads the address as the socket's own kind of {@code sockaddr} and checks its
     * length before its family: a 16-byte {@code sockaddr_in} is too short for an IPv6 socket
     * ({@code EINVAL}), while anything else of the wrong family is {@code EAFNOSUPPORT}; a UNIX
     * socket says {@code EINVAL} to any other family. An IPv6 datagram socket is the exception
     * that accepts IPv4 addresses for {@code connect} and {@code sendto}, reaching the peer
     * through its IPv4-mapped address. Python resolves address tuples itself and would report
     * a {@code gaierror} here instead; sockit follows C.
     */
    static Optional<Errno> familyError(AddressFamily family, SocketType type, String call, SockAddr address) {
        AddressFamily other = address.family();
        if (other == family) {
            return Optional.empty();
        }
        boolean datagramSend = type == SocketType.SOCK_DGRAM && !call.equals("bind");
        return Optional.ofNullable(switch (family) {
            case AF_INET -> Errno.EAFNOSUPPORT;
            case AF_INET6 -> other == AddressFamily.AF_INET
                    ? (datagramSend ? null : Errno.EINVAL)
                    : (datagramSend && call.equals("sendto") ? Errno.EINVAL : Errno.EAFNOSUPPORT);
            default -> Errno.EINVAL;
        });
    }

    /**
     * {@code EINVAL}, as Linux gives for a {@code sockaddr_un} too long, if {@code address} is a
     * UNIX path longer than the JDK takes; empty otherwise.
     */
    static Optional<String> jdkLimit(SockAddr address) {
        if (address instanceof UnixSockAddr unix
                && unix.path().getBytes(StandardCharsets.UTF_8).length > JDK_MAX_UNIX_PATH) {
            return Optional.of("the JDK takes UNIX paths of at most " + JDK_MAX_UNIX_PATH + " bytes");
        }
        return Optional.empty();
    }

    /** {@code address} as text, for messages. */
    static String text(SockAddr address) {
        return address.toString();
    }
}
