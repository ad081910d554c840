package dev.sockit.addr;

import java.util.Objects;

/**
 * A CIDR block (RFC 4632, RFC 4291 section 2.3): a network address and a prefix length,
 * {@code 10.0.0.0/8} or {@code 2001:db8::/32}. An immutable value.
 *
 * <p>A block is valid only as its network: the bits after the prefix must be zero, so
 * {@code 10.0.0.1/8} is an error rather than a silent {@code 10.0.0.0/8}. A block has no zone:
 * its network carries no scope id. {@link #contains} compares with masks computed once, and
 * tests an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as its IPv4 address against an
 * IPv4 block; no other address crosses families.
 */
public final class Cidr {
    private final IpAddress network;
    private final int prefixLength;
    private final long maskHigh;
    private final long maskLow;
    private final long networkHigh;
    private final long networkLow;

    private Cidr(IpAddress network, int prefixLength, long maskHigh, long maskLow, long networkHigh, long networkLow) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.maskHigh = maskHigh;
        this.maskLow = maskLow;
        this.networkHigh = networkHigh;
        this.networkLow = networkLow;
    }

    /**
     * Parses {@code ADDRESS/PREFIX}, or a bare address as a block of that one address
     * ({@code /32} or {@code /128}). The address is {@code inet_pton} text without a zone; the
     * prefix is decimal without sign or leading zeros, {@code 0..32} for IPv4 and
     * {@code 0..128} for IPv6.
     *
     * @throws AddressFormatException naming the problem: a bad address, a zone, a missing or
     *     bad prefix length, one out of range, or host bits set after the prefix (the message
     *     then names the network meant, {@code did you mean 10.0.0.0/8?})
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        if (addressText.indexOf('%') >= 0) {
            throw new AddressFormatException(text, "a CIDR block has no zone");
        }
        IpAddress address;
        try {
            address = addressText.indexOf(':') >= 0 ? InetText.parse6(addressText) : InetText.parse4(addressText);
        } catch (AddressFormatException e) {
            AddressFormatException failure = new AddressFormatException(text, "address \"" + addressText + "\": " + e.problem());
            failure.initCause(e);
            throw failure;
        }
        int maxLength = maxLength(address);
        int prefixLength = slash < 0 ? maxLength : parsePrefixLength(text, text.substring(slash + 1), maxLength);
        Cidr cidr = create(address, prefixLength);
        if (!cidr.network.equals(address)) {
            throw new AddressFormatException(text, hostBitsProblem(cidr));
        }
        return cidr;
    }

    /**
     * The block of {@code network} and {@code prefixLength}, checked as {@link #parse} checks
     * its text.
     *
     * @throws IllegalArgumentException if {@code prefixLength} is out of range for the family,
     *     {@code network} has a scope id, or it has host bits set after the prefix
     */
    public static Cidr of(IpAddress network, int prefixLength) {
        Objects.requireNonNull(network, "network");
        int maxLength = maxLength(network);
        if (prefixLength < 0 || prefixLength > maxLength) {
            throw new IllegalArgumentException("prefix length: " + prefixLength + " (expected: 0-" + maxLength + ")");
        }
        if (network instanceof Ipv6Address v6 && v6.scopeId() != 0) {
            throw new IllegalArgumentException("scope id: " + v6.scopeId() + " (expected: 0, a CIDR block has no zone)");
        }
        Cidr cidr = create(network, prefixLength);
        if (!cidr.network.equals(network)) {
            throw new IllegalArgumentException(network + "/" + prefixLength + ": " + hostBitsProblem(cidr));
        }
        return cidr;
    }

    /** The network address: the first address of the block. */
    public IpAddress network() {
        return network;
    }

    /** The number of leading bits that name the network: {@code 0..32} or {@code 0..128}. */
    public int prefixLength() {
        return prefixLength;
    }

    /** {@code AF_INET} or {@code AF_INET6}. */
    public AddressFamily family() {
        return network.family();
    }

    /** The last address of the block: the network with every host bit set. */
    public IpAddress lastAddress() {
        if (network instanceof Ipv4Address) {
            return Ipv4Address.ofHostOrder(networkLow | (~maskLow & 0xffffffffL));
        }
        byte[] bytes = new byte[16];
        Bytes.writeU64BE(bytes, 0, networkHigh | ~maskHigh);
        Bytes.writeU64BE(bytes, 8, networkLow | ~maskLow);
        return Ipv6Address.ofBytes(bytes);
    }

    /**
     * Whether {@code address} is in this block. An IPv4-mapped IPv6 address is tested as its
     * IPv4 address against an IPv4 block; otherwise an address of the other family is never
     * in it. An IPv6 address's scope id is ignored.
     */
    public boolean contains(IpAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof Ipv4Address v4) {
            return network instanceof Ipv4Address && (v4.hostOrder() & maskLow) == networkLow;
        }
        Ipv6Address v6 = (Ipv6Address) address;
        if (network instanceof Ipv4Address) {
            return v6.isIpv4Mapped() && (v6.low() & 0xffffffffL & maskLow) == networkLow;
        }
        return (v6.high() & maskHigh) == networkHigh && (v6.low() & maskLow) == networkLow;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && that.prefixLength == prefixLength && that.network.equals(network);
    }

    @Override
    public int hashCode() {
        return 31 * network.hashCode() + prefixLength;
    }

    /** {@code NETWORK/PREFIX}, the network as {@code inet_ntop} writes it: {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }

    private static Cidr create(IpAddress address, int prefixLength) {
        if (address instanceof Ipv4Address v4) {
            long mask = prefixLength == 0 ? 0 : (0xffffffffL << (32 - prefixLength)) & 0xffffffffL;
            long bits = v4.hostOrder() & mask;
            return new Cidr(Ipv4Address.ofHostOrder(bits), prefixLength, 0, mask, 0, bits);
        }
        Ipv6Address v6 = (Ipv6Address) address;
        long maskHigh = mask64(prefixLength);
        long maskLow = mask64(prefixLength - 64);
        long high = v6.high() & maskHigh;
        long low = v6.low() & maskLow;
        byte[] bytes = new byte[16];
        Bytes.writeU64BE(bytes, 0, high);
        Bytes.writeU64BE(bytes, 8, low);
        return new Cidr(Ipv6Address.ofBytes(bytes), prefixLength, maskHigh, maskLow, high, low);
    }

    private static long mask64(int length) {
        if (length <= 0) {
            return 0;
        }
        return length >= 64 ? -1L : -1L << (64 - length);
    }

    private static int maxLength(IpAddress address) {
        return address instanceof Ipv4Address ? 32 : 128;
    }

    private static String hostBitsProblem(Cidr meant) {
        return "host bits set (did you mean " + meant + "?)";
    }

    private static int parsePrefixLength(String text, String prefix, int maxLength) {
        if (prefix.isEmpty()) {
            throw new AddressFormatException(text, "no prefix length after '/'");
        }
        int value = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c < '0' || c > '9') {
                throw new AddressFormatException(text, "prefix length \"" + prefix + "\" is not a decimal number");
            }
            value = Math.min(value * 10 + (c - '0'), 1000);
        }
        if (prefix.length() > 1 && prefix.charAt(0) == '0') {
            throw new AddressFormatException(text, "prefix length \"" + prefix + "\" has a leading zero");
        }
        if (value > maxLength) {
            throw new AddressFormatException(text, "prefix length " + prefix + " is out of range (expected: 0-" + maxLength + ")");
        }
        return value;
    }
}
