package dev.sockit.addr;

import java.util.OptionalLong;

/**
 * glibc's legacy IPv4 parsers ({@code inet_aton}, {@code inet_network}) and classful arithmetic
 * ({@code inet_makeaddr}, {@code inet_lnaof}, {@code inet_netof}), behind {@link Inet}.
 *
 * <p>All values are unsigned 32-bit numbers in host order, held in a {@code long}. Text is read
 * as C reads a string: a NUL character ends it, and only the ASCII characters C's
 * {@code isdigit}, {@code isxdigit} and {@code isspace} accept in the "C" locale count as digits
 * or white space. The parsers allocate nothing but their result and throw for no text.
 */
final class LegacyIpv4 {
    private static final long U32_MAX = 0xffffffffL;
    private static final long NONE = U32_MAX;
    private static final long INVALID = -1L;

    private LegacyIpv4() {
    }

    /**
     * {@code inet_aton}: one to four parts separated by dots, each starting with a decimal
     * digit and read as {@code strtoul(part, &end, 0)} reads it ({@code 0x} hex, {@code 0} octal,
     * else decimal). Each part before the last is at most 255 and becomes one byte; the last
     * fills the remaining bytes (at most {@code 0xffffffff}, {@code 0xffffff}, {@code 0xffff} or
     * {@code 0xff} for one to four parts). The address may be followed by one white-space
     * character and then anything.
     *
     * @return the address, or empty where C returns 0
     */
    static OptionalLong aton(String cp) {
        long address = atonValue(cp);
        return address == INVALID ? OptionalLong.empty() : OptionalLong.of(address);
    }

    private static long atonValue(String cp) {
        long high = 0;
        int dots = 0;
        int i = 0;
        long value;
        char c;
        for (;;) {
            c = charAt(cp, i);
            if (!CText.isDigit(c)) {
                return INVALID;
            }
            int radix = 10;
            if (c == '0') {
                radix = 8;
                char x = charAt(cp, i + 1);
                if ((x == 'x' || x == 'X') && digitValue(charAt(cp, i + 2), 16) >= 0) {
                    radix = 16;
                    i += 2;
                }
            }
            value = 0;
            for (int digit; (digit = digitValue(charAt(cp, i), radix)) >= 0; i++) {
                value = value * radix + digit;
                if (value > U32_MAX) {
                    return INVALID;
                }
            }
            c = charAt(cp, i);
            if (c != '.') {
                break;
            }
            if (dots == 3 || value > 0xff) {
                return INVALID;
            }
            high |= value << (24 - 8 * dots);
            dots++;
            i++;
        }
        if (c != 0 && !CText.isSpace(c)) {
            return INVALID;
        }
        if (value > U32_MAX >>> (8 * dots)) {
            return INVALID;
        }
        return high | value;
    }

    /**
     * {@code inet_network}: one to four parts separated by dots, each a byte (at most 255),
     * concatenated without moving them to classful places ({@code "10.1"} is {@code 0x0a01}). A
     * part is decimal, octal after a leading {@code 0} (an {@code 8} or {@code 9} in it fails),
     * or hex after {@code x} or {@code X}, with or without the {@code 0}. Its digits are
     * accumulated modulo 2<sup>32</sup> before the byte check, as C's {@code uint32_t} does, so
     * {@code "4294967296"} is 0. Only white space may follow the address.
     *
     * @return the network number, or {@code 0xffffffff} ({@code INADDR_NONE}) for invalid text
     */
    static long network(String cp) {
        long result = 0;
        int parts = 0;
        int i = 0;
        int value;
        char c;
        for (;;) {
            boolean digit = false;
            int radix = 10;
            c = charAt(cp, i);
            if (c == '0') {
                digit = true;
                radix = 8;
                c = charAt(cp, ++i);
            }
            if (c == 'x' || c == 'X') {
                digit = false;
                radix = 16;
                c = charAt(cp, ++i);
            }
            value = 0;
            for (;; c = charAt(cp, ++i)) {
                if (CText.isDigit(c)) {
                    if (radix == 8 && c >= '8') {
                        return NONE;
                    }
                    value = value * radix + (c - '0');
                } else if (radix == 16 && digitValue(c, 16) >= 0) {
                    value = (value << 4) + digitValue(c, 16);
                } else {
                    break;
                }
                digit = true;
            }
            if (!digit || Integer.compareUnsigned(value, 0xff) > 0) {
                return NONE;
            }
            if (c != '.') {
                break;
            }
            if (parts == 3) {
                return NONE;
            }
            result = result << 8 | value;
            parts++;
            i++;
        }
        while (CText.isSpace(c)) {
            c = charAt(cp, ++i);
        }
        return c == 0 ? result << 8 | value : NONE;
    }

    /**
     * {@code inet_makeaddr}: network number {@code net} and local address {@code host} combined
     * by the class {@code net} implies: below 128 class A ({@code net << 24}, low 24 bits of
     * {@code host}), below 65536 class B ({@code net << 16}, low 16 bits), below 2<sup>24</sup>
     * class C ({@code net << 8}, low 8 bits), otherwise {@code net | host}.
     */
    static long makeaddr(long net, long host) {
        if (net < 128) {
            return net << 24 | host & 0xffffff;
        } else if (net < 0x10000) {
            return net << 16 | host & 0xffff;
        } else if (net < 0x1000000) {
            return net << 8 | host & 0xff;
        }
        return net | host;
    }

    /**
     * {@code inet_lnaof}: the local-address part of {@code address} by its class: the low 24
     * bits for class A, 16 for class B, and 8 for class C and also for D and E.
     */
    static long lnaof(long address) {
        if (isClassA(address)) {
            return address & 0xffffff;
        } else if (isClassB(address)) {
            return address & 0xffff;
        }
        return address & 0xff;
    }

    /**
     * {@code inet_netof}: the network number of {@code address} by its class: the top 8 bits for
     * class A, 16 for class B, and 24 for class C and also for D and E.
     */
    static long netof(long address) {
        if (isClassA(address)) {
            return address >>> 24;
        } else if (isClassB(address)) {
            return address >>> 16;
        }
        return address >>> 8;
    }

    private static boolean isClassA(long address) {
        return (address & 0x80000000L) == 0;
    }

    private static boolean isClassB(long address) {
        return (address & 0xc0000000L) == 0x80000000L;
    }

    /** The character at {@code i}, or NUL past the end, as C reads its terminator. */
    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    /** The value of ASCII digit {@code c} in {@code radix} (8, 10 or 16), or -1. */
    private static int digitValue(char c, int radix) {
        int value;
        if (c >= '0' && c <= '9') {
            value = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            value = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            value = c - 'A' + 10;
        } else {
            return -1;
        }
        return value < radix ? value : -1;
    }
}
