package dev.sockit.addr;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 socket address, C's {@code sockaddr_in} / {@code sockaddr_in6}: an
 * {@link IpAddress} and a port. Immutable.
 *
 * <p>Text form: {@code 127.0.0.1:80}, {@code [::1]:8080}, {@code [fe80::1%2]:22}: what
 * {@link #parse} reads and {@link #toString} writes.
 *
 * @param address the IP address (with its scope id, for IPv6)
 * @param port the port, {@code 0..65535}; 0 asks {@code bind} for any free port
 */
public record InetSockAddr(IpAddress address, int port) implements SockAddr {

    /**
     * @throws IllegalArgumentException if {@code port} is not in {@code 0..65535}
     */
    public InetSockAddr {
        Objects.requireNonNull(address, "address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " (expected: 0-65535)");
        }
    }

    /** Shorthand for {@code new InetSockAddr(address, port)}. */
    public static InetSockAddr of(IpAddress address, int port) {
        return new InetSockAddr(address, port);
    }

    /**
     * The socket address of a resolved JDK {@link InetSocketAddress}.
     *
     * @throws IllegalArgumentException if {@code address} is unresolved
     */
    public static InetSockAddr of(InetSocketAddress address) {
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("unresolved address: " + address.getHostString());
        }
        return new InetSockAddr(IpAddress.of(address.getAddress()), address.getPort());
    }

    /**
     * Parses {@code A.B.C.D:PORT} or {@code [IPV6]:PORT} (IPv6 with an optional {@code %zone}).
     * The address follows {@link IpAddress#parse}; the port is decimal, {@code 0..65535}.
     * Brackets hold IPv6 only: {@code [1.2.3.4]:80} is rejected.
     *
     * @throws AddressFormatException naming what is wrong: no port, an IPv6 address without
     *     brackets, an IPv4 address in brackets, a bad address or a bad port
     */
    public static InetSockAddr parse(String text) {
        Objects.requireNonNull(text, "text");
        IpAddress address;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new AddressFormatException(text, "no ']' after '[' (expected: [IPV6]:PORT)");
            } else if (close + 1 == text.length()) {
                throw new AddressFormatException(text, "no port (expected: [IPV6]:PORT)");
            } else if (text.charAt(close + 1) != ':') {
                throw new AddressFormatException(text, "no ':' after ']' (expected: [IPV6]:PORT)");
            }
            String host = text.substring(1, close);
            if (host.indexOf(':') < 0 && InetText.pton4(host).isPresent()) {
                throw new AddressFormatException(text, "brackets hold IPv6 only (expected: A.B.C.D:PORT)");
            }
            address = parseAddress(text, host, true);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new AddressFormatException(text, "no port (expected: ADDRESS:PORT or [IPV6]:PORT)");
            }
            String host = text.substring(0, colon);
            if (host.indexOf(':') >= 0) {
                throw new AddressFormatException(text, "an IPv6 address needs brackets (expected: [IPV6]:PORT)");
            }
            address = parseAddress(text, host, false);
            port = text.substring(colon + 1);
        }
        return new InetSockAddr(address, Ports.parse(text, port));
    }

    private static IpAddress parseAddress(String text, String host, boolean ipv6) {
        try {
            return ipv6 ? InetText.parse6(host) : InetText.parse4(host);
        } catch (AddressFormatException e) {
            AddressFormatException failure = new AddressFormatException(text, "address \"" + host + "\": " + e.problem());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public AddressFamily family() {
        return address.family();
    }

    /** The equivalent JDK socket address; no lookup. */
    public InetSocketAddress toInetSocketAddress() {
        return new InetSocketAddress(address.toInetAddress(), port);
    }

    /** {@code A.B.C.D:PORT} or {@code [IPV6]:PORT}. */
    @Override
    public String toString() {
        return address instanceof Ipv6Address ? "[" + address + "]:" + port : address + ":" + port;
    }
}
