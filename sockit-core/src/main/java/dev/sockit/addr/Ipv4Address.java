package dev.sockit.addr;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address: an immutable value holding 32 bits.
 *
 * <p>Two integer views exist and are named for what they are: {@link #hostOrder()} is the
 * number the address is ({@code 127.0.0.1} is {@code 0x7f000001}); {@link #sAddr()} is what C's
 * {@code struct in_addr.s_addr} holds on this host (network byte order read as a native
 * integer, {@code 0x0100007f} on x86-64). Both are unsigned 32-bit values in a {@code long}.
 */
public final class Ipv4Address implements IpAddress, Comparable<Ipv4Address> {
    /** {@code INADDR_ANY}, {@code 0.0.0.0}. */
    public static final Ipv4Address ANY = new Ipv4Address(0);
    /** {@code INADDR_LOOPBACK}, {@code 127.0.0.1}. */
    public static final Ipv4Address LOOPBACK = new Ipv4Address(0x7f000001);
    /** {@code INADDR_BROADCAST}, {@code 255.255.255.255}. */
    public static final Ipv4Address BROADCAST = new Ipv4Address(0xffffffff);

    private final int bits;

    private Ipv4Address(int bits) {
        this.bits = bits;
    }

    /**
     * The address whose number is {@code value} ({@code 0x7f000001} is {@code 127.0.0.1}).
     *
     * @throws IllegalArgumentException if {@code value} is not in {@code 0..0xffffffff}
     */
    public static Ipv4Address ofHostOrder(long value) {
        if ((value >>> 32) != 0) {
            throw new IllegalArgumentException("address: " + value + " (expected: 0-4294967295)");
        }
        return new Ipv4Address((int) value);
    }

    /**
     * The address whose {@code struct in_addr.s_addr} on this host is {@code sAddr}.
     *
     * @throws IllegalArgumentException if {@code sAddr} is not in {@code 0..0xffffffff}
     */
    public static Ipv4Address ofSAddr(long sAddr) {
        return ofHostOrder(NetOrder.ntohl(checkU32(sAddr)));
    }

    /**
     * The address held in 4 bytes of network order.
     *
     * @throws IllegalArgumentException if {@code bytes} is not 4 long
     */
    public static Ipv4Address ofBytes(byte[] bytes) {
        if (bytes.length != 4) {
            throw new IllegalArgumentException("IPv4 address length: " + bytes.length + " (expected: 4)");
        }
        return new Ipv4Address((int) Bytes.readU32BE(bytes, 0));
    }

    /**
     * Parses four decimal parts, as {@code inet_pton(AF_INET, ...)} does: no leading zeros, no
     * hex, no shorthand. For glibc's legacy forms ({@code 127.1}, {@code 0x7f.1}) use
     * {@link Inet#inetAton}.
     *
     * @throws AddressFormatException if the text is not such an address
     */
    public static Ipv4Address parse(String text) {
        return InetText.parse4(text);
    }

    /** The number this address is, an unsigned 32-bit value ({@code 127.0.0.1} → {@code 0x7f000001}). */
    public long hostOrder() {
        return Integer.toUnsignedLong(bits);
    }

    /** What C's {@code in_addr.s_addr} holds on this host: {@code htonl(hostOrder())}. */
    public long sAddr() {
        return NetOrder.htonl(hostOrder());
    }

    /** Octet {@code i} (0 is the first, most significant) as {@code 0..255}. */
    public int octet(int i) {
        if (i < 0 || i > 3) {
            throw new IndexOutOfBoundsException("octet: " + i + " (expected: 0-3)");
        }
        return (bits >>> (24 - 8 * i)) & 0xff;
    }

    @Override
    public AddressFamily family() {
        return AddressFamily.AF_INET;
    }

    @Override
    public byte[] bytes() {
        byte[] bytes = new byte[4];
        Bytes.writeU32BE(bytes, 0, hostOrder());
        return bytes;
    }

    @Override
    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes());
        } catch (UnknownHostException impossible) {
            throw new AssertionError("4 bytes are always an address", impossible);
        }
    }

    @Override
    public boolean isUnspecified() {
        return bits == 0;
    }

    @Override
    public boolean isLoopback() {
        return octet(0) == 127;
    }

    @Override
    public boolean isMulticast() {
        return (bits >>> 28) == 0xe;
    }

    @Override
    public boolean isLinkLocal() {
        return (bits >>> 16) == 0xa9fe;
    }

    @Override
    public boolean isPrivate() {
        return octet(0) == 10 || (bits >>> 20) == 0xac1 || (bits >>> 16) == 0xc0a8;
    }

    /** {@code 255.255.255.255}. */
    public boolean isBroadcast() {
        return bits == -1;
    }

    /**
     * The classful network class of this address, as {@code inet_netof} and
     * {@code inet_lnaof} see it: {@code 'A'}, {@code 'B'}, {@code 'C'}, {@code 'D'} (multicast) or
     * {@code 'E'} (reserved).
     */
    public char addressClass() {
        int top = bits >>> 28;
        if (top < 0x8) {
            return 'A';
        } else if (top < 0xc) {
            return 'B';
        } else if (top < 0xe) {
            return 'C';
        } else if (top == 0xe) {
            return 'D';
        }
        return 'E';
    }

    @Override
    public Ipv4Address unmapped() {
        return this;
    }

    /** This address as an IPv4-mapped IPv6 address, {@code ::ffff:a.b.c.d}. */
    public Ipv6Address toMapped() {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        Bytes.writeU32BE(mapped, 12, hostOrder());
        return Ipv6Address.ofBytes(mapped);
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ipv4Address that && that.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    /** The dotted quad, as {@code inet_ntoa} writes it. */
    @Override
    public String toString() {
        return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    }

    private static long checkU32(long value) {
        if ((value >>> 32) != 0) {
            throw new IllegalArgumentException("s_addr: " + value + " (expected: 0-4294967295)");
        }
        return value;
    }
}
