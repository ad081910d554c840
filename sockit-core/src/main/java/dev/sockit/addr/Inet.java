package dev.sockit.addr;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The C library's address conversion functions ({@code inet(3)}, {@code inet_pton(3)},
 * {@code inet_ntop(3)}), with glibc's results for every input.
 *
 * <p>Import statically and the calls read as in C: {@code inetAton("127.1")},
 * {@code inetNtoa(addr)}. The legacy parsers accept what glibc accepts: {@code inetAton} and
 * {@code inetAddr} one to four parts, each decimal, octal ({@code 0177}) or hex ({@code 0x7f}),
 * and, after the address, white space followed by anything; {@code inetNetwork} has rules of
 * its own, told at the method. A Java string is read as C reads its bytes: a NUL character ends it, and any
 * character outside ASCII is neither a digit nor white space. None of these functions blocks
 * or throws for any text; C's failure values are returned as C returns them.
 */
public final class Inet {
    /** {@code INADDR_ANY}, {@code 0.0.0.0}, as a host-order value. */
    public static final long INADDR_ANY = 0L;
    /** {@code INADDR_LOOPBACK}, {@code 127.0.0.1}, as a host-order value. */
    public static final long INADDR_LOOPBACK = 0x7f000001L;
    /** {@code INADDR_BROADCAST}, {@code 255.255.255.255}, as a host-order value. */
    public static final long INADDR_BROADCAST = 0xffffffffL;
    /**
     * {@code INADDR_NONE}: what {@link #inetAddr} and {@link #inetNetwork} return for invalid
     * text. It is also the valid result for {@code 255.255.255.255}; use {@link #inetAton}
     * to tell the two apart.
     */
    public static final long INADDR_NONE = 0xffffffffL;

    private Inet() {
    }

    /**
     * {@code inet_aton(3)}: parses an IPv4 address in any of glibc's legacy forms
     * ({@code 127.1}, {@code 10.1.2}, {@code 4294967295}, {@code 0x7f.1}, {@code 0177.0.0.1}).
     *
     * <p>Each part starts with a decimal digit and is read as C's {@code strtoul} with base 0
     * reads it ({@code 0x} hex, {@code 0} octal, else decimal: {@code 08} and a bare {@code 0x}
     * fail). Each part before the last is at most 255; the last fills the remaining bytes and is
     * at most {@code 0xffffffff}, {@code 0xffffff}, {@code 0xffff} or {@code 0xff} for one to four
     * parts. No white space or sign may come before a part.
     *
     * @return the address, or empty where C returns 0
     */
    public static Optional<Ipv4Address> inetAton(String cp) {
        OptionalLong value = LegacyIpv4.aton(Objects.requireNonNull(cp, "cp"));
        return value.isPresent() ? Optional.of(Ipv4Address.ofHostOrder(value.getAsLong())) : Optional.empty();
    }

    /**
     * {@code inet_addr(3)}: as {@link #inetAton}, returning {@code in_addr_t} in network byte
     * order (C's {@code s_addr} on this host), or {@link #INADDR_NONE} for invalid text.
     */
    public static long inetAddr(String cp) {
        return inetAton(cp).map(Ipv4Address::sAddr).orElse(INADDR_NONE);
    }

    /**
     * {@code inet_network(3)}: parses a network number with glibc's own rules for it, returning
     * it in host byte order, or {@link #INADDR_NONE} for invalid text.
     *
     * <p>One to four parts, each at most 255: decimal, octal after a leading {@code 0}, or hex
     * after {@code 0x} or a bare {@code x} ({@code inetNetwork("x10") == 0x10}). Parts are
     * concatenated, not moved to their classful places: {@code inetNetwork("10.1") == 0x0a01}.
     * A part's digits accumulate modulo 2<sup>32</sup> before the check, as in glibc, so
     * {@code inetNetwork("4294967296") == 0}. Only white space may follow the last part.
     * {@code "255.255.255.255"} gives {@link #INADDR_NONE} too.
     */
    public static long inetNetwork(String cp) {
        return LegacyIpv4.network(Objects.requireNonNull(cp, "cp"));
    }

    /** {@code inet_ntoa(3)}: the dotted-quad text of an address. */
    public static String inetNtoa(Ipv4Address in) {
        return in.toString();
    }

    /**
     * {@code inet_makeaddr(3)}: the address made of network number {@code net} and local
     * address {@code host}, both host-order values of which the low 32 bits are used, placed
     * by the classful rules glibc applies to {@code net}: below 128 class A, below 65536 class B,
     * below 16777216 class C, otherwise {@code net | host}. The class is chosen by the size of
     * {@code net}, not by the address made: {@code inetMakeaddr(128, 1)} is {@code 0.128.0.1}.
     */
    public static Ipv4Address inetMakeaddr(long net, long host) {
        return Ipv4Address.ofHostOrder(LegacyIpv4.makeaddr(net & 0xffffffffL, host & 0xffffffffL));
    }

    /**
     * {@code inet_lnaof(3)}: the local-address part of an address, in host order, by its class
     * (A: low 24 bits, B: low 16, C and also D and E as glibc does: low 8).
     */
    public static long inetLnaof(Ipv4Address in) {
        return LegacyIpv4.lnaof(in.hostOrder());
    }

    /**
     * {@code inet_netof(3)}: the network-number part of an address, in host order, by its
     * class (A: top 8 bits, B: top 16, C and also D and E as glibc does: top 24).
     */
    public static long inetNetof(Ipv4Address in) {
        return LegacyIpv4.netof(in.hostOrder());
    }

    /**
     * {@code inet_pton(3)}: parses an address of family {@code af} as glibc does: for
     * {@code AF_INET} exactly four decimal parts without leading zeros; for {@code AF_INET6}
     * RFC 4291 text, embedded IPv4 allowed in the last 32 bits, no zone.
     *
     * @return the address, or empty where C returns 0
     * @throws IllegalArgumentException where C fails with {@code EAFNOSUPPORT}: {@code af} is
     *     neither {@code AF_INET} nor {@code AF_INET6}
     */
    public static Optional<IpAddress> inetPton(AddressFamily af, String src) {
        Objects.requireNonNull(src, "src");
        return switch (af) {
            case AF_INET -> InetText.pton4(src).map(IpAddress.class::cast);
            case AF_INET6 -> InetText.pton6(src).map(IpAddress.class::cast);
            default -> throw new IllegalArgumentException("inet_pton: address family " + af + " (expected: AF_INET or AF_INET6): EAFNOSUPPORT");
        };
    }

    /**
     * {@code inet_ntop(3)}: the text of a 4-byte ({@code AF_INET}) or 16-byte
     * ({@code AF_INET6}) address in network order, as glibc writes it.
     *
     * @throws IllegalArgumentException if {@code af} is neither family ({@code EAFNOSUPPORT} in
     *     C) or {@code src} has the wrong length for it
     */
    public static String inetNtop(AddressFamily af, byte[] src) {
        int expected = switch (af) {
            case AF_INET -> 4;
            case AF_INET6 -> 16;
            default -> throw new IllegalArgumentException("inet_ntop: address family " + af + " (expected: AF_INET or AF_INET6): EAFNOSUPPORT");
        };
        if (src.length != expected) {
            throw new IllegalArgumentException("inet_ntop: " + af + " address length: " + src.length + " (expected: " + expected + ")");
        }
        return af == AddressFamily.AF_INET ? Ipv4Address.ofBytes(src).toString() : InetText.format6(src);
    }
}
