package dev.sockit.addr;

import java.nio.ByteOrder;

/**
 * {@code htons}, {@code htonl}, {@code ntohs}, {@code ntohl}: conversions between this host's
 * byte order and network byte order (big-endian), with C's results on this host.
 *
 * <p>The JVM's native order is the host's order, so on x86-64 {@code htons(0x1234) == 0x3412}
 * and {@code htonl(1) == 0x01000000}; on a big-endian host each is the identity. Values are
 * unsigned and widened: a {@code uint16_t} travels in an {@code int}, a {@code uint32_t} in a
 * {@code long}. As C's conversion to the parameter type does, only the low 16 (or 32) bits of
 * an argument are used.
 */
public final class NetOrder {
    private static final boolean LITTLE_ENDIAN_HOST = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private NetOrder() {
    }

    /** {@code htons(3)}: a 16-bit value from host to network order, {@code 0..0xffff}. */
    public static int htons(int hostShort) {
        int value = hostShort & 0xffff;
        return LITTLE_ENDIAN_HOST ? Short.toUnsignedInt(Short.reverseBytes((short) value)) : value;
    }

    /** {@code ntohs(3)}: a 16-bit value from network to host order, {@code 0..0xffff}. */
    public static int ntohs(int netShort) {
        return htons(netShort);
    }

    /** {@code htonl(3)}: a 32-bit value from host to network order, {@code 0..0xffffffff}. */
    public static long htonl(long hostLong) {
        int value = (int) hostLong;
        return Integer.toUnsignedLong(LITTLE_ENDIAN_HOST ? Integer.reverseBytes(value) : value);
    }

    /** {@code ntohl(3)}: a 32-bit value from network to host order, {@code 0..0xffffffff}. */
    public static long ntohl(long netLong) {
        return htonl(netLong);
    }
}
