package dev.sockit.addr;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IPv4 or IPv6 address: an immutable value.
 *
 * <p>Text forms follow glibc: {@link #parse} accepts what {@code inet_pton} accepts (four
 * decimal parts for IPv4; RFC 4291 text for IPv6, with an optional {@code %scope}), and
 * {@link #toString} writes what {@code inet_ntop} writes (RFC 5952 for IPv6).
 */
public sealed interface IpAddress permits Ipv4Address, Ipv6Address {

    /**
     * Parses an IPv4 or IPv6 address in {@code inet_pton} form; IPv6 may carry a zone,
     * {@code fe80::1%2} or {@code fe80::1%eth0}.
     *
     * @throws AddressFormatException if the text is neither, naming the problem
     */
    static IpAddress parse(String text) {
        return text.indexOf(':') >= 0 ? Ipv6Address.parse(text) : Ipv4Address.parse(text);
    }

    /**
     * The address held in 4 or 16 bytes of network order.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 4 or 16 long
     */
    static IpAddress ofBytes(byte[] bytes) {
        return switch (bytes.length) {
            case 4 -> Ipv4Address.ofBytes(bytes);
            case 16 -> Ipv6Address.ofBytes(bytes);
            default -> throw new IllegalArgumentException("address length: " + bytes.length + " (expected: 4 or 16)");
        };
    }

    /** The address a JDK {@link InetAddress} holds (with its scope id, for IPv6); no lookup. */
    static IpAddress of(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            return Ipv6Address.ofBytes(v6.getAddress(), v6.getScopeId());
        }
        return Ipv4Address.ofBytes(address.getAddress());
    }

    /** {@code AF_INET} or {@code AF_INET6}. */
    AddressFamily family();

    /** The address in network byte order: a new array of 4 or 16 bytes. */
    byte[] bytes();

    /** The equivalent JDK address, without a host name; no lookup. */
    InetAddress toInetAddress();

    /** {@code 0.0.0.0} or {@code ::}: the wildcard ({@code INADDR_ANY}, {@code in6addr_any}). */
    boolean isUnspecified();

    /** {@code 127.0.0.0/8} or {@code ::1}. */
    boolean isLoopback();

    /** {@code 224.0.0.0/4} or {@code ff00::/8}. */
    boolean isMulticast();

    /** {@code 169.254.0.0/16} or {@code fe80::/10}. */
    boolean isLinkLocal();

    /** Private-use ranges: RFC 1918 ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}) or RFC 4193 ({@code fc00::/7}). */
    boolean isPrivate();

    /**
     * This address with an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) replaced by its
     * IPv4 address, as a dual-stack socket's peers should be shown; any other address as is.
     */
    IpAddress unmapped();
}
