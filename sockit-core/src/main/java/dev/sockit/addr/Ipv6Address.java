package dev.sockit.addr;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv6 address: an immutable value of 128 bits and a scope id (the zone of a link-local
 * address, {@code 0} when it has none).
 *
 * <p>{@link #toString} writes RFC 5952 text exactly as glibc's {@code inet_ntop} does
 * (lower case, the longest run of two or more zero groups compressed, the first of equal
 * runs), with the last 32 bits as a dotted quad where glibc writes one: for every IPv4-mapped
 * address ({@code ::ffff:a.b.c.d}), and where the first six groups are zero and the seventh is
 * not ({@code ::1.2.3.4}, {@code ::0.1.0.0}; but {@code ::1} and {@code ::ffff}); then
 * {@code %scope} when the scope id is not zero.
 */
public final class Ipv6Address implements IpAddress {
    /** {@code in6addr_any}, {@code ::}. */
    public static final Ipv6Address ANY = new Ipv6Address(new byte[16], 0);
    /** {@code in6addr_loopback}, {@code ::1}. */
    public static final Ipv6Address LOOPBACK = loopback();

    private final byte[] bytes;
    private final int scopeId;

    private Ipv6Address(byte[] bytes, int scopeId) {
        this.bytes = bytes;
        this.scopeId = scopeId;
    }

    /**
     * The address held in 16 bytes of network order, with no scope.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 16 long
     */
    public static Ipv6Address ofBytes(byte[] bytes) {
        return ofBytes(bytes, 0);
    }

    /**
     * The address held in 16 bytes of network order, with a scope id ({@code sin6_scope_id}).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 16 long or {@code scopeId} is negative
     */
    public static Ipv6Address ofBytes(byte[] bytes, int scopeId) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("IPv6 address length: " + bytes.length + " (expected: 16)");
        }
        if (scopeId < 0) {
            throw new IllegalArgumentException("scope id: " + scopeId + " (expected: >= 0)");
        }
        return new Ipv6Address(bytes.clone(), scopeId);
    }

    /**
     * Parses IPv6 text as {@code inet_pton(AF_INET6, ...)} accepts it, optionally followed by
     * {@code %} and a zone: a decimal scope id ({@code 0..2147483647}) or the name of an
     * interface of this host (looked up as {@code if_nametoindex} does).
     *
     * @throws AddressFormatException if the text is not such an address or names no interface
     */
    public static Ipv6Address parse(String text) {
        return InetText.parse6(text);
    }

    /** The scope id ({@code sin6_scope_id}); {@code 0} when the address has none. */
    public int scopeId() {
        return scopeId;
    }

    /** This address with the given scope id. */
    public Ipv6Address withScopeId(int scopeId) {
        return ofBytes(bytes, scopeId);
    }

    /** 16-bit group {@code i}, {@code 0..7}, as {@code 0..0xffff}. */
    public int group(int i) {
        if (i < 0 || i > 7) {
            throw new IndexOutOfBoundsException("group: " + i + " (expected: 0-7)");
        }
        return Bytes.readU16BE(bytes, 2 * i);
    }

    /** The first 64 bits, groups 0-3, as a {@code long} (for bit arithmetic without a copy). */
    long high() {
        return Bytes.readU64BE(bytes, 0);
    }

    /** The last 64 bits, groups 4-7, as a {@code long}. */
    long low() {
        return Bytes.readU64BE(bytes, 8);
    }

    @Override
    public AddressFamily family() {
        return AddressFamily.AF_INET6;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public InetAddress toInetAddress() {
        try {
            return Inet6Address.getByAddress(null, bytes, scopeId);
        } catch (UnknownHostException impossible) {
            throw new AssertionError("16 bytes are always an address", impossible);
        }
    }

    @Override
    public boolean isUnspecified() {
        return Arrays.equals(bytes, ANY.bytes);
    }

    @Override
    public boolean isLoopback() {
        return Arrays.equals(bytes, LOOPBACK.bytes);
    }

    @Override
    public boolean isMulticast() {
        return (bytes[0] & 0xff) == 0xff;
    }

    @Override
    public boolean isLinkLocal() {
        return (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0x80;
    }

    @Override
    public boolean isPrivate() {
        return (bytes[0] & 0xfe) == 0xfc;
    }

    /** Whether this is an IPv4-mapped address, {@code ::ffff:a.b.c.d}. */
    public boolean isIpv4Mapped() {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    /** The IPv4 address inside an IPv4-mapped address, if this is one. */
    public Optional<Ipv4Address> toIpv4() {
        return isIpv4Mapped() ? Optional.of(Ipv4Address.ofBytes(Arrays.copyOfRange(bytes, 12, 16))) : Optional.empty();
    }

    @Override
    public IpAddress unmapped() {
        return isIpv4Mapped() ? toIpv4().orElseThrow() : this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ipv6Address that && that.scopeId == scopeId && Arrays.equals(that.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + scopeId;
    }

    /** RFC 5952 text as glibc's {@code inet_ntop} writes it, then {@code %scopeId} if not zero. */
    @Override
    public String toString() {
        String text = InetText.format6(bytes);
        return scopeId == 0 ? text : text + '%' + scopeId;
    }

    private static Ipv6Address loopback() {
        byte[] bytes = new byte[16];
        bytes[15] = 1;
        return new Ipv6Address(bytes, 0);
    }
}
