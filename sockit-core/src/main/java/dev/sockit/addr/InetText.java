package dev.sockit.addr;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text of IPv4 and IPv6 addresses exactly as glibc's {@code inet_pton(3)} reads it and
 * {@code inet_ntop(3)} writes it.
 *
 * <p>One scanner per family decides acceptance and, on rejection, names the problem: the
 * {@code pton} methods return empty where C returns 0, the {@code parse} methods throw
 * {@link AddressFormatException} with that problem. The IPv6 scanner follows glibc's
 * {@code inet_pton6} step by step, so both accept exactly what glibc accepts. The
 * {@code pton} methods read a Java string as C reads its bytes (a NUL character ends it, any
 * character outside ASCII is neither a digit nor a colon); the {@code parse} methods read the
 * whole string, so a NUL is an unexpected character there.
 */
final class InetText {
    private static final int IN6ADDRSZ = 16;
    private static final int INADDRSZ = 4;
    private static final int IFNAMSIZ = 16;

    private InetText() {
    }

    /** {@code inet_pton(AF_INET, src)}: exactly four decimal parts, each 0-255, no leading zeros. */
    static Optional<Ipv4Address> pton4(String src) {
        byte[] dst = new byte[INADDRSZ];
        return scan4(src, 0, cEnd(src), dst, 0) == null ? Optional.of(Ipv4Address.ofBytes(dst)) : Optional.empty();
    }

    /** {@code inet_pton(AF_INET6, src)}: RFC 4291 text as glibc accepts it; no zone. */
    static Optional<Ipv6Address> pton6(String src) {
        byte[] dst = new byte[IN6ADDRSZ];
        return scan6(src, 0, cEnd(src), dst) == null ? Optional.of(Ipv6Address.ofBytes(dst)) : Optional.empty();
    }

    /**
     * As {@link #pton4}, throwing for text it rejects.
     *
     * @throws AddressFormatException naming the problem, e.g. {@code expected 4 decimal parts}
     */
    static Ipv4Address parse4(String text) {
        byte[] dst = new byte[INADDRSZ];
        String problem = scan4(text, 0, text.length(), dst, 0);
        if (problem != null) {
            throw new AddressFormatException(text, problem);
        }
        return Ipv4Address.ofBytes(dst);
    }

    /**
     * As {@link #pton6}, throwing for text it rejects, and accepting a zone after {@code %}:
     * a decimal scope id ({@code 0..2147483647}) or the name of an interface of this host,
     * looked up as {@code if_nametoindex(3)} does.
     *
     * @throws AddressFormatException naming the problem, e.g. {@code too many groups} or
     *     {@code unknown interface "eth9"}
     */
    static Ipv6Address parse6(String text) {
        int percent = text.indexOf('%');
        int end = percent < 0 ? text.length() : percent;
        byte[] dst = new byte[IN6ADDRSZ];
        String problem = scan6(text, 0, end, dst);
        if (problem != null) {
            throw new AddressFormatException(text, problem);
        }
        return Ipv6Address.ofBytes(dst, percent < 0 ? 0 : scopeId(text, text.substring(percent + 1)));
    }

    /**
     * {@code inet_ntop(AF_INET6, src)}: the text glibc writes for 16 bytes of network order. As
     * glibc's {@code inet_ntop6}, the last 32 bits are a dotted quad when the longest zero run
     * starts at group 0 and is 6 groups long, or 5 groups long followed by {@code ffff}.
     *
     * @throws IllegalArgumentException if {@code src} is not 16 bytes long
     */
    static String format6(byte[] src) {
        if (src.length != IN6ADDRSZ) {
            throw new IllegalArgumentException("IPv6 address length: " + src.length + " (expected: 16)");
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = Bytes.readU16BE(src, 2 * i);
        }
        int bestBase = -1;
        int bestLen = 0;
        int curBase = -1;
        for (int i = 0; i <= 8; i++) {
            if (i < 8 && words[i] == 0) {
                if (curBase < 0) {
                    curBase = i;
                }
            } else if (curBase >= 0) {
                if (i - curBase > bestLen) {
                    bestBase = curBase;
                    bestLen = i - curBase;
                }
                curBase = -1;
            }
        }
        if (bestLen < 2) {
            bestBase = -1;
        }
        StringBuilder out = new StringBuilder(45);
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) {
                    out.append(':');
                }
                continue;
            }
            if (i != 0) {
                out.append(':');
            }
            if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && words[5] == 0xffff))) {
                out.append(src[12] & 0xff).append('.').append(src[13] & 0xff).append('.')
                        .append(src[14] & 0xff).append('.').append(src[15] & 0xff);
                return out.toString();
            }
            out.append(Integer.toHexString(words[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) {
            out.append(':');
        }
        return out.toString();
    }

    /**
     * Scans {@code s[from, to)} as {@code inet_pton4} does and writes the address to
     * {@code dst[at, at + 4)}.
     *
     * @return {@code null} if it is an address, else the problem
     */
    private static String scan4(String s, int from, int to, byte[] dst, int at) {
        int parts = 1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                parts++;
            } else if (!CText.isDigit(c)) {
                return "unexpected character " + describe(c) + " at index " + i;
            }
        }
        if (parts != 4) {
            return "expected 4 decimal parts";
        }
        int start = from;
        for (int part = 0; part < 4; part++) {
            int end = start;
            while (end < to && s.charAt(end) != '.') {
                end++;
            }
            if (end == start) {
                return "empty part at index " + start;
            }
            if (s.charAt(start) == '0' && end - start > 1) {
                return "part \"" + s.substring(start, end) + "\" has a leading zero";
            }
            int value = 0;
            for (int i = start; i < end && value <= 255; i++) {
                value = value * 10 + (s.charAt(i) - '0');
            }
            if (value > 255) {
                return "part " + s.substring(start, end) + " is out of range (expected: 0-255)";
            }
            dst[at + part] = (byte) value;
            start = end + 1;
        }
        return null;
    }

    /**
     * Scans {@code s[from, to)} as glibc's {@code inet_pton6} does and writes the address to
     * {@code dst}.
     *
     * @return {@code null} if it is an address, else the problem
     */
    private static String scan6(String s, int from, int to, byte[] dst) {
        if (from == to) {
            return "empty address";
        }
        int i = from;
        if (s.charAt(i) == ':') {
            i++;
            if (i == to || s.charAt(i) != ':') {
                return "a leading ':' must be part of '::'";
            }
        }
        int token = i;
        int digits = 0;
        int value = 0;
        int tp = 0;
        int colonp = -1;
        while (i < to) {
            char c = s.charAt(i++);
            int digit = hexValue(c);
            if (digit >= 0) {
                if (digits == 4) {
                    return "group \"" + group(s, token, to) + "\" has more than 4 hex digits";
                }
                value = value << 4 | digit;
                digits++;
            } else if (c == ':') {
                token = i;
                if (digits == 0) {
                    if (colonp >= 0) {
                        return "more than one '::'";
                    }
                    colonp = tp;
                    continue;
                } else if (i == to) {
                    return "a trailing ':' must be part of '::'";
                }
                if (tp + 2 > IN6ADDRSZ) {
                    return "too many groups";
                }
                dst[tp++] = (byte) (value >>> 8);
                dst[tp++] = (byte) value;
                digits = 0;
                value = 0;
            } else if (c == '.') {
                if (tp + INADDRSZ > IN6ADDRSZ) {
                    return "too many groups";
                }
                String problem = scan4(s, token, to, dst, tp);
                if (problem != null) {
                    return contains(s, ':', token, to)
                            ? "an embedded IPv4 address must be the last 32 bits"
                            : "embedded IPv4 address: " + problem;
                }
                tp += INADDRSZ;
                digits = 0;
                break;
            } else {
                return "unexpected character " + describe(c) + " at index " + (i - 1);
            }
        }
        if (digits > 0) {
            if (tp + 2 > IN6ADDRSZ) {
                return "too many groups";
            }
            dst[tp++] = (byte) (value >>> 8);
            dst[tp++] = (byte) value;
        }
        if (colonp >= 0) {
            if (tp == IN6ADDRSZ) {
                return "too many groups ('::' must stand for at least one zero group)";
            }
            int n = tp - colonp;
            System.arraycopy(dst, colonp, dst, IN6ADDRSZ - n, n);
            Arrays.fill(dst, colonp, IN6ADDRSZ - n, (byte) 0);
            tp = IN6ADDRSZ;
        }
        if (tp != IN6ADDRSZ) {
            return tp == INADDRSZ && !contains(s, ':', from, to) ? "an IPv4 address, not IPv6" : "too few groups (expected: 8, or '::')";
        }
        return null;
    }

    private static int scopeId(String text, String zone) {
        if (zone.isEmpty()) {
            throw new AddressFormatException(text, "empty zone after '%'");
        }
        boolean decimal = true;
        for (int i = 0; i < zone.length() && decimal; i++) {
            decimal = CText.isDigit(zone.charAt(i));
        }
        if (decimal) {
            long value = 0;
            for (int i = 0; i < zone.length() && value <= Integer.MAX_VALUE; i++) {
                value = value * 10 + (zone.charAt(i) - '0');
            }
            if (value > Integer.MAX_VALUE) {
                throw new AddressFormatException(text, "scope id " + zone + " is out of range (expected: 0-2147483647)");
            }
            return (int) value;
        }
        return interfaceIndex(text, zone);
    }

    private static int interfaceIndex(String text, String name) {
        NetworkInterface nif = null;
        if (name.length() < IFNAMSIZ && name.indexOf('\0') < 0) {
            try {
                nif = NetworkInterface.getByName(name);
            } catch (SocketException e) {
                AddressFormatException failure = new AddressFormatException(text, "cannot look up interface \"" + name + "\": " + e.getMessage());
                failure.initCause(e);
                throw failure;
            }
        }
        if (nif == null || nif.getIndex() <= 0) {
            throw new AddressFormatException(text, "unknown interface \"" + name + "\"");
        }
        return nif.getIndex();
    }

    private static String group(String s, int from, int to) {
        int end = from;
        while (end < to && hexValue(s.charAt(end)) >= 0) {
            end++;
        }
        return s.substring(from, end);
    }

    private static boolean contains(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }

    private static int cEnd(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s.length() : nul;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
