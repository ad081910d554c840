package dev.sockit.addr;

import static dev.sockit.addr.Inet.INADDR_NONE;
import static dev.sockit.addr.Inet.inetAddr;
import static dev.sockit.addr.Inet.inetAton;
import static dev.sockit.addr.Inet.inetLnaof;
import static dev.sockit.addr.Inet.inetMakeaddr;
import static dev.sockit.addr.Inet.inetNetof;
import static dev.sockit.addr.Inet.inetNetwork;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.sockit.addr.Inet4Oracle.Mismatch;
import dev.sockit.addr.Inet4Oracle.Query;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * sockit's legacy IPv4 functions against glibc's, over a table of edge cases sent to
 * {@code inet4_oracle} in one run, plus the glibc behaviours worth reading as examples.
 */
class LegacyIpv4GlibcTest {
    private static final String[] RADIX_PREFIXES = {"", "0", "0x", "0X"};

    @Test
    void legacyFunctions_edgeCaseTable_matchGlibc() throws Exception {
        Set<String> texts = texts();
        Set<Query> queries = new LinkedHashSet<>();
        for (String text : texts) {
            queries.addAll(Query.parsers(text));
        }
        queries.addAll(numericQueries());

        List<Mismatch> mismatches = Inet4Oracle.mismatches(queries);

        assertThat(mismatches.size()).as(Inet4Oracle.report(mismatches)).isZero();
        assertThat(texts.size()).isGreaterThanOrEqualTo(500);
        assertThat(queries.size()).isGreaterThanOrEqualTo(2500);
    }

    @Test
    void inetAton_shorthandForms_fillTheLastPartIntoTheRemainingBytes() {
        assertThat(inetAton("127.1")).contains(Ipv4Address.LOOPBACK);
        assertThat(inetAton("10.1.2")).contains(Ipv4Address.ofHostOrder(0x0a010002L));
        assertThat(inetAton("1.65535")).contains(Ipv4Address.ofHostOrder(0x0100ffffL));
        assertThat(inetAton("4294967295")).contains(Ipv4Address.BROADCAST);
        assertThat(inetAton("0x7f.1")).contains(Ipv4Address.LOOPBACK);
        assertThat(inetAton("0177.0.0.1")).contains(Ipv4Address.LOOPBACK);
    }

    @Test
    void inetAton_partTooLargeOrBadDigit_isEmpty() {
        assertThat(inetAton("1.256.1.1")).isEmpty();
        assertThat(inetAton("1.16777216")).isEmpty();
        assertThat(inetAton("4294967296")).isEmpty();
        assertThat(inetAton("08.1.1.1")).isEmpty();
        assertThat(inetAton("0x")).isEmpty();
    }

    @Test
    void inetAton_whiteSpaceAfterAddress_ignoresTheRest() {
        assertThat(inetAton("1.2.3.4 trailing words")).contains(Ipv4Address.ofHostOrder(0x01020304L));
        assertThat(inetAton("1.2.3.4\n")).contains(Ipv4Address.ofHostOrder(0x01020304L));
        assertThat(inetAton("1.2.3.4x")).isEmpty();
        assertThat(inetAton(" 1.2.3.4")).isEmpty();
    }

    @Test
    void inetAton_nulInsideString_endsTheText() {
        assertThat(inetAton("1.2.3.4\0garbage")).contains(Ipv4Address.ofHostOrder(0x01020304L));
        assertThat(inetAton("1.2.3.\0" + "4")).isEmpty();
    }

    @Test
    void inetAton_nonAsciiDigitsAndSpaces_areNeither() {
        assertThat(inetAton("\u0661.2.3.4")).isEmpty();
        assertThat(inetAton("1.2.3.4\u00a0x")).isEmpty();
        assertThat(inetAton("1.2.3.4\u0120")).isEmpty();
    }

    @Test
    void inetAddr_allOnes_isTheSameAsInvalid() {
        assertThat(inetAddr("255.255.255.255")).isEqualTo(INADDR_NONE);
        assertThat(inetAddr("not an address")).isEqualTo(INADDR_NONE);
        assertThat(inetAton("255.255.255.255")).contains(Ipv4Address.BROADCAST);
    }

    @Test
    void inetNetwork_parts_areConcatenatedBytes() {
        assertThat(inetNetwork("10.1")).isEqualTo(0x0a01L);
        assertThat(inetNetwork("127.0.0.1")).isEqualTo(0x7f000001L);
        assertThat(inetNetwork("x10")).isEqualTo(0x10L);
        assertThat(inetNetwork("X1.0x2")).isEqualTo(0x0102L);
    }

    @Test
    void inetNetwork_partOver255_isNone() {
        assertThat(inetNetwork("256")).isEqualTo(INADDR_NONE);
        assertThat(inetNetwork("1.65535")).isEqualTo(INADDR_NONE);
        assertThat(inetNetwork("4294967295")).isEqualTo(INADDR_NONE);
    }

    @Test
    void inetNetwork_partWrappingPast32Bits_isAcceptedModulo2To32() {
        assertThat(inetNetwork("4294967296")).isEqualTo(0L);
        assertThat(inetNetwork("0x1000000ff")).isEqualTo(0xffL);
        assertThat(inetNetwork("18446744073709551616.1")).isEqualTo(0x0001L);
    }

    @Test
    void inetNetwork_textAfterWhiteSpace_isNone() {
        assertThat(inetNetwork("1.2 ")).isEqualTo(0x0102L);
        assertThat(inetNetwork("1.2 x")).isEqualTo(INADDR_NONE);
        assertThat(inetNetwork(" 1.2")).isEqualTo(INADDR_NONE);
    }

    @Test
    void inetMakeaddr_netSize_choosesTheClass() {
        assertThat(inetMakeaddr(10, 0x10203)).isEqualTo(Ipv4Address.ofHostOrder(0x0a010203L));
        assertThat(inetMakeaddr(0x8001, 0x10203)).isEqualTo(Ipv4Address.ofHostOrder(0x80010203L));
        assertThat(inetMakeaddr(0xc00001, 0x10203)).isEqualTo(Ipv4Address.ofHostOrder(0xc0000103L));
        assertThat(inetMakeaddr(0x1000000, 0x10203)).isEqualTo(Ipv4Address.ofHostOrder(0x01010203L));
    }

    @Test
    void inetLnaofAndNetof_classDAndE_splitAsClassC() {
        Ipv4Address multicast = Ipv4Address.ofHostOrder(0xe0000001L);
        Ipv4Address reserved = Ipv4Address.ofHostOrder(0xf1020304L);

        assertThat(inetNetof(multicast)).isEqualTo(0xe00000L);
        assertThat(inetLnaof(multicast)).isEqualTo(0x01L);
        assertThat(inetNetof(reserved)).isEqualTo(0xf10203L);
        assertThat(inetLnaof(reserved)).isEqualTo(0x04L);
    }

    @Test
    void inetAton_nullText_throwsNullPointerException() {
        assertThatNullPointerException().isThrownBy(() -> inetAton(null)).withMessage("cp");
    }

    private static Set<String> texts() {
        Set<String> texts = new LinkedHashSet<>();
        Collections.addAll(texts,
                "", ".", "..", "...", "....", "0", "00", "000", "1", "9", "01", "07", "08", "09", "0x", "0X", "0x0", "0X0",
                "x", "X", "x0", "x10", "X10", "xg", "x.1", "0xg", "0Xg", "0x.1", "00x1", "0x0x1", "0xx1", "0b1", "0B1", "0o7",
                "1a", "0a", "0xfg", "019", "0.08", "0.0x", "0.x1", "08.1", "1.08", "1.0x", "1.x", "1.x2", "1.X2",
                "127.1", "10.1.2", "4294967295", "0x7f.1", "0177.0.0.1", "08.1.1.1", "1.256.1.1", "1.65535", "1.16777216",
                "1.16777215", "1.2.65535", "1.2.65536", "1.2.3.255", "1.2.3.256", "255.255.255.255", "255.255.255.256",
                "256.1", "1.256", "256.0.0.0", "0.0.0.0", "0.0.0.0.0", "1.", "1..", ".1", "1..2", "1.2.3.", "1.2.3.4.",
                "1.2.3.4.5", "1.2.3.4.5.6", "1.2.3..4", "1.2..3", "127.0.0.1", "10.0.0.1", "192.168.1.1", "0xff.0xff.0xff.0xff",
                "0377.0377.0377.0377", "0400.1.1.1", "0x100.1", "x1.x2.x3.x4", "X1.X2", "0x1.0x2.0x3.0x4", "0x7F000001",
                "017700000001", "2130706433", "0x0a.0x01", "012.01", "1.2.3.4", "1.2.3.04", "1.2.3.004", "1.2.3.0x04",
                "01.02.03.04", "0x01.0x02.0x03.0x04", "1.0xffffff", "1.0x1000000", "1.077777777", "1.0100000000",
                "1.2.0xffff", "1.2.0x10000", "1.2.0177777", "1.2.0200000", "1.2.3.0xff", "1.2.3.0x100", "1.2.3.0377",
                "1.2.3.0400", "-1", "+1", "-0", "+0x1", "1.-2", "1.+2", "1.2.3.-4", "1. 2", "1 .2", "1 2", "1\t2",
                "- 1", " +1", "1e3", "1E3", "1,2", "1,2,3,4", "1:2", "1/24", "1.2.3.4/24", "1.2.3.4:80", "[1.2.3.4]",
                "::1", "::ffff:1.2.3.4", "localhost", "a.b.c.d", "0xa.0xb.0xc.0xd", "0xA.0xB.0xC.0xD", "0xaBcDeF",
                "0Xabcdef01", "0xabcdef012", "0xFFFFFFFF", "0x100000000", "0x0000000000000000000000000000001",
                "0000000000000000000000000000000000000001", "0x00000000ffffffff", "4294967296", "4294967297",
                "4294967551", "4294967552", "18446744073709551615", "18446744073709551616", "18446744073709551617",
                "99999999999999999999999", "1.4294967296", "4294967296.1", "18446744073709551616.1", "0x1000000ff",
                "0x100000001.1", "4294967297.1", "0xffffffffff", "01777777777777777777777", "02000000000000000000000",
                "037777777777", "040000000000", "040000000377", "1.2 ", "1.2 x", " 1.2", "1.2\t", "1.2\n", "1.2\r\n",
                "1.2\u000b", "1.2\f", "1.2  ", "1.2 \t ", "1.2 .", "1.2.3.4 x", "1.2.3.4x", " 1.2.3.4", "\t1.2.3.4",
                "\n1.2.3.4", "1.2.3.4\u0000", "\u00001.2.3.4", "1.2.\u00003.4", "1.2.3.4\u0000garbage", "1\u0000",
                "0x\u00001", "0\u0000x1", "\u0000", "\u0000\u0000", "\u0661", "\u0661.2.3.4", "1.\uff12.3.4", "\uff11",
                "\u0130.1", "\u0131", "1\u0130", "1.2.3.4\u0120", "1.2.3.4\u012e5", "\u0120 1.2.3.4", "1\u012e2",
                "1.2.3.4\u00a0", "1.2.3.4\u00a0x", "1.2.3.4\u0085", "1.2.3.4\u2028", "1.2.3.4\u3000", "1.2.3.4\u001c",
                "1.2.3.4\u001f", "1.2.3.4\u007f", "1.2.3.4\u00ff", "1.2.3.4\u00e9", "\u00e9", "1.2.3.4 \u00e9",
                "1.2.3.4\ud83d\ude00", "1.2.3.4 \ud83d", "\udc00", "1.2.3.4\udc00", "0x\u0130", "0\uff58\u0031");
        addRadixBoundaries(texts);
        addOverflows(texts);
        addDecorated(texts);
        return texts;
    }

    /** For every part count, the last part at and around its limit, and each earlier part around 255, in every radix. */
    private static void addRadixBoundaries(Set<String> texts) {
        String[] heads = {"", "1.", "1.2.", "1.2.3."};
        for (int parts = 1; parts <= 4; parts++) {
            long max = 0xffffffffL >>> (8 * (parts - 1));
            for (long last : new long[] {0, 1, max - 1, max, max + 1, max * 2 + 1}) {
                for (String prefix : RADIX_PREFIXES) {
                    texts.add(heads[parts - 1] + encode(BigInteger.valueOf(last), prefix));
                }
            }
        }
        for (int position = 0; position < 3; position++) {
            for (long part : new long[] {0, 255, 256}) {
                for (String prefix : RADIX_PREFIXES) {
                    String[] quad = {"1", "2", "3", "4"};
                    quad[position] = encode(BigInteger.valueOf(part), prefix);
                    texts.add(String.join(".", quad));
                    texts.add(String.join(".", List.of(quad).subList(0, position + 1)) + ".9");
                }
            }
        }
    }

    /** Parts near 2^32 and 2^64, where glibc's strtoul saturates, and very long digit strings. */
    private static void addOverflows(Set<String> texts) {
        BigInteger two32 = BigInteger.ONE.shiftLeft(32);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        BigInteger[] values = {
            two32.subtract(BigInteger.ONE), two32, two32.add(BigInteger.valueOf(255)), two32.add(BigInteger.valueOf(256)),
            two64.subtract(BigInteger.ONE), two64, two64.add(BigInteger.ONE), two64.add(two32).add(BigInteger.ONE),
            BigInteger.TEN.pow(20), BigInteger.TEN.pow(30), two64.multiply(two64).add(BigInteger.valueOf(7)),
        };
        for (BigInteger value : values) {
            for (String prefix : RADIX_PREFIXES) {
                String part = encode(value, prefix);
                texts.add(part);
                texts.add("1." + part);
                texts.add(part + ".1");
            }
        }
        texts.add("0".repeat(1000) + "1");
        texts.add("1" + "0".repeat(1000));
        texts.add("9".repeat(200));
        texts.add("0x" + "0".repeat(500) + "ff");
        texts.add("0x" + "f".repeat(40));
        texts.add("1.2.3." + "0".repeat(300) + "4");
        texts.add("1.2.3.4 " + "x".repeat(5000));
        texts.add("1.".repeat(1000) + "1");
        texts.add(".".repeat(300));
    }

    /** Common addresses with every kind of text before and after them. */
    private static void addDecorated(Set<String> texts) {
        String[] cores = {"1.2.3.4", "127.1", "0x7f.1", "4294967295", "0", "255.255.255.255", "1.2.3", "x1.2", "0x", "08"};
        String[] suffixes = {
            " ", "\t", "\n", "\u000b", "\f", "\r", " junk", "\tjunk", "x", ".", "..", " .", "\u00e9", "\u00a0",
            "\u0085", "\u0000", "\u0000junk", "\u0000 ", " \u0000x", "#", "/24", ":80", "\u0120", "a", "8", "  \n",
        };
        String[] prefixes = {" ", "\t", "+", "-", "\u00a0", ".", "0", "x", "\u0000", "\uff11", "\n"};
        for (String core : cores) {
            for (String suffix : suffixes) {
                texts.add(core + suffix);
            }
            for (String prefix : prefixes) {
                texts.add(prefix + core);
            }
        }
    }

    private static Set<Query> numericQueries() {
        long[] addresses = {
            0, 1, 0xff, 0x00ffffffL, 0x01000000L, 0x0a000001L, 0x7f000001L, 0x7fffffffL, 0x80000000L, 0x8000ffffL,
            0x80010000L, 0xbfffffffL, 0xc0000000L, 0xc0a80101L, 0xdfffffffL, 0xe0000000L, 0xe00000ffL, 0xefffffffL,
            0xf0000000L, 0xfffffffeL, 0xffffffffL, 0x12345678L, 0x9abcdef0L, 0xd0e0f0a0L, 0x01020304L,
        };
        long[] nets = {
            0, 1, 10, 127, 128, 129, 255, 256, 0x7fff, 0x8000, 0xc000, 0xffff, 0x10000, 0x10001, 0xc00000, 0xffffff,
            0x1000000, 0x1000001, 0x7fffffffL, 0x80000000L, 0xffffffffL, 0x100000001L, 0xffffffff0000000aL,
        };
        long[] hosts = {0, 1, 0xff, 0x100, 0xffff, 0x10000, 0xffffff, 0x1000000, 0xffffffffL, 0x12345678L, 0x100000003L};
        long[] orderValues = {
            0, 1, 0xff, 0x100, 0x1234, 0xff00, 0xffff, 0x10000, 0x12345, 0x12345678L, 0x80000000L, 0xffffffffL,
            0x100000000L, 0x123456789aL, -1L, Long.MIN_VALUE,
        };
        Set<Query> queries = new LinkedHashSet<>();
        for (long address : addresses) {
            for (String function : List.of("ntoa", "lnaof", "netof")) {
                queries.add(Query.numeric(function, address));
            }
        }
        for (long net : nets) {
            for (long host : hosts) {
                queries.add(Query.makeaddr(net, host));
            }
        }
        for (long value : orderValues) {
            for (String function : List.of("htons", "ntohs", "htonl", "ntohl")) {
                queries.add(Query.numeric(function, value));
            }
        }
        return queries;
    }

    /** {@code value} written after {@code prefix}: decimal for "", octal for "0", hex for "0x" and (upper case) "0X". */
    private static String encode(BigInteger value, String prefix) {
        return switch (prefix) {
            case "" -> value.toString();
            case "0" -> "0" + value.toString(8);
            case "0x" -> "0x" + value.toString(16);
            case "0X" -> "0X" + value.toString(16).toUpperCase(Locale.ROOT);
            default -> throw new IllegalArgumentException("prefix: " + prefix);
        };
    }
}
