package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * sockit's {@code inet_pton} and {@code inet_ntop} against glibc's, over a table of edge cases
 * run through one oracle process. Every text is asked of both families.
 */
class InetTextGlibcTest {
    private static final HexFormat HEX = HexFormat.of();

    private static final List<String> IPV4_TEXTS = List.of(
            "", "0.0.0.0", "1.2.3.4", "9.9.9.9", "10.0.0.1", "99.99.99.99", "127.0.0.1", "169.254.1.1",
            "172.16.0.1", "192.168.1.1", "199.199.199.199", "224.0.0.1", "249.250.251.252", "253.254.255.0",
            "255.255.255.255", "0.0.0.1", "256.1.1.1", "1.256.1.1", "1.1.256.1", "1.1.1.256", "1.2.3.1000",
            "255.255.255.2555", "300.0.0.0", "1.2.3", "1.2", "1", "1.2.3.4.5", "1.2.3.4.", ".1.2.3.4",
            "1..2.3", "1.2..3.4", "1.2.3..4", "...", "....", ".", "01.2.3.4", "1.02.3.4", "1.2.03.4",
            "1.2.3.04", "00.0.0.0", "0.0.0.00", "000.0.0.0", "0.00.0.0", "010.0.0.1", "1.2.3.4 ", " 1.2.3.4",
            "1.2.3.4\n", "1.2.3.4\t", "1.2 .3.4", "1.2.3.4\0junk", "1.2.3\0.4", "\0" + "1.2.3.4", "0x1.2.3.4",
            "0x7f.0.0.1", "0177.0.0.1", "127.1", "10.1.2", "4294967295", "1.2.3.-4", "1.2.3.+4", "+1.2.3.4",
            "-1.2.3.4", "1.2.3.4a", "a1.2.3.4", "1,2,3,4", "1.2.3.4/8", "1.2.3.4:80", "1.2.3.4%eth0",
            "\uff11.2.3.4", "1.2.3.\u0664", "1.2.3.4\u00a0", "1.2.3.4\u00e9", "1.2.3.4e", "1e2.0.0.0",
            "255.255.255.256", "25.5.25.5", "2.55.2.55", "0.255.0.255", "1.2.3.4\r", "１.２.３.４");

    private static final List<String> IPV6_TEXTS = List.of(
            // The shape of '::' and of colons at the ends.
            "::", ":", ":::", "::::", ":::::", "::1", "1::", "1::1", "::1::", "1:::2", "1::2::3", "1::2::",
            "::2::3", ":::1", "1:::", ":1::", "::1:", "1::2:", ":1::2", "1:", ":1", ":1:2:3:4:5:6:7",
            ":1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:", "1:2:3:4:5:6:7:8:", "::1:2:3:4:5:6:7:", ":1:2:3:4:5:6::",
            // How many groups.
            "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "1:2:3:4:5:6", "1:2", "1", "a", "abcd",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9:10", "::1:2:3:4:5:6:7", "1:2:3:4:5:6:7::",
            "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "1:2:3:4::5:6:7:8", "1:2:3:4:5:6::7:8",
            "1::2:3:4:5:6:7", "1:2:3::4:5:6:7", "1:2:3::4:5:6:7:8", "1:2:3:4:5:6:7::8", "1::3:4:5:6:7:8",
            "1:2:3:4:5:6::8", "1::8", "1:2::7:8", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "abcd:", ":abcd",
            "::abcd", "abcd::",
            // Zero groups written out.
            "0000:0000:0000:0000:0000:0000:0000:0000", "0:0:0:0:0:0:0:0", "0:0:0:0:0:0:0:1",
            "::0:0:0:0:0:0:0", "0:0:0:0:0:0:0::", "0::0", "::0", "0::", "1:0:0:0:0:0:0:0", "0:0:0::0:0:0",
            // Digits per group.
            "12345::", "::12345", "1:12345::", "00000::", "00001::", "0001::", "001::", "01::",
            "1:2:3:4:5:6:7:12345", "1234:5678:9abc:def0:1234:5678:9abc:def0", "fffff::", "::fffff",
            "10000::", "ffff0::", "0ffff::", "::0ffff",
            // Case.
            "FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
            "FfFf::fFfF", "2001:DB8::1", "2001:db8::1", "ABCD:EF01:2345:6789:ABCD:EF01:2345:6789",
            "::FFFF:1.2.3.4", "FE80::1",
            // Ordinary addresses.
            "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1",
            "2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3:0:0:8a2e:370:7334", "fe80::", "fe80::1",
            "ff02::1", "ff02::1:ff00:0", "fc00::", "fd12:3456:789a:1::1", "64:ff9b::", "2002:c000:0204::",
            // Zones, which inet_pton does not take.
            "fe80::1%eth0", "fe80::1%1", "fe80::%1", "%1", "::1%", "1:2:3:4:5:6:7:8%1", "::ffff:1.2.3.4%eth0",
            "fe80::1%lo", "fe80::1%",
            // Not hex.
            "g::", "::g", "1:2:3:4:5:6:7:g", "0x1::", "::0x1", "::-1", "::+1", "-1::", "1::-", "::ｆ",
            "::\u00e9", "\uff11::", "::\u0661", "[::1]", "::1]", "[::1", "::1/128", "::1#", "1:2:3:4:5:6:7:8g",
            // Embedded IPv4.
            "::ffff:1.2.3.4", "::1.2.3.4", "::0.0.0.0", "::0.0.0.1", "::255.255.255.255", "::256.1.1.1",
            "::1.2.3.04", "::01.2.3.4", "::1.2.3", "::1.2.3.4.5", "::1.2.3.4:1", "::1.2.3.4::", "1.2.3.4::",
            "::ffff:1.2.3.4:5", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:1.2.3.4",
            "1:2:3:4:5::1.2.3.4", "1::5:6:7:1.2.3.4", "::1:2:3:4:5:1.2.3.4", "::1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6::1.2.3.4", "::ffff:0:1.2.3.4", "64:ff9b::192.0.2.33", "::1a.2.3.4", "::a.b.c.d",
            "::1.2.3.4a", "::.1.2.3", "::1..2.3", ":1.2.3.4", "::1.2.3.4.", "1.2.3.4:1::", "ffff::ffff:1.2.3.4",
            "::ffff:255.255.255.255", "::ffff:256.0.0.0", "::ffff:1.2.3.4.5", "::ffff:0.0.0.0", "1::1.2.3.4",
            "1:2::1.2.3.4", "::ffff:1.2.3", "::ffff:1.2.3.", "::ffff:.1.2.3", "::ffff:1.2.3.4 ", "::1.2.3.4/96",
            "::ffff:1.2.3.4%1", "::1234.1.1.1", "::12.34.56.78", "::0.1.2.3", "::ffff:01.2.3.4", "::1.2.3.4.",
            "1.2.3.4:1:2:3:4:5:6", "::1.2.3.4:", "::1.2.3.4::1", "1:2:3:4:5:6:7:8.1.2.3", "::ffff:1.2.3.4.",
            "1::1.2.3.4.", "::1:1.2.3.4", "::1.2.3.4.5.6", "::1.2", "::1.2.3.4.5:1", "::1:2.3.4.5:6",
            "::ffff:1.2.3.4a", "::ffff:0x1.2.3.4", "::127.1", "::ffff:127.1",
            // White space, NUL and other bytes around the text.
            " ::1", "::1 ", "::1\n", "\t::1", ":: 1", ": :1", "::1\0garbage", "::\0", "\0::1", "::1\0", "1:\0:2",
            "::1\r", "::1\u00a0", "1:2:3:4:5:6:7:8 ", "\u2001::1", "\0", " ", "1 ::", "1::2 ",
            "::ffff:1.2.3.4\0:5", "1::2\0::3", "::1.2.3.4\0.5",
            // More group counts and places for '::' and embedded IPv4.
            "::ffff:1.2.3.4:", "0:0:0:0:0:ffff:1.2.3.4", "0:0:0:0:0:0:1.2.3.4", "0:0:0:0:0:0:0:1.2.3.4",
            "::0:1.2.3.4", "0::1.2.3.4", "1:2:3:4:5:6:7:8:1.2.3.4", "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255",
            "2001:db8::", "2001:db8::/32", "::/0", "1::2:3", "a:b:c:d:e:f:0:1", "A:B:C:D:E:F:0:1",
            "::a:b:c:d:e:f:0", "a:b:c:d:e:f:0::", "fe80:0:0:0:0:0:0:1", "fe80::0:0:1", "ff0:ff0::ff0",
            "0:0:0:0:0:0:0:0:0", "::0:0:0:0:0:0:0:0", "1:2:3:4:5:6:0:0", "1:2:3:4:5:6::", "1::1:1:1:1:1:1",
            "1:1:1:1:1:1:1::", "::1.1.1.1.1", "1.1.1.1", "::1.1.1.1:1.1.1.1", "::1.2.3.4%", "::ffff:1.2.3.256",
            "1:2:3:4:5:6:7:8%", "::ffff:1:1.2.3.4", "::1:2:1.2.3.4");

    @Test
    void pton_editedTable_matchesGlibc() throws Exception {
        Set<String> texts = new LinkedHashSet<>(IPV4_TEXTS);
        texts.addAll(IPV6_TEXTS);
        List<GlibcQuery> queries = new ArrayList<>();
        for (String text : texts) {
            queries.add(GlibcQuery.pton4(text));
            queries.add(GlibcQuery.pton6(text));
        }

        List<String> differences = GlibcOracle.differences(queries);

        assertThat(differences).as("differences from glibc:%n%s", String.join("\n", differences)).isEmpty();
        assertThat(texts).hasSizeGreaterThanOrEqualTo(300);
    }

    @Test
    void ntop6_everyZeroGroupShape_matchesGlibc() throws Exception {
        List<GlibcQuery> queries = new ArrayList<>();
        for (int shape = 0; shape < 256; shape++) {
            queries.add(GlibcQuery.ntop6(groups(shape, new int[] {1, 0x20, 0x300, 0x4000, 0xabcd, 0xffff, 0x7, 0x8})));
            queries.add(GlibcQuery.ntop6(groups(shape, new int[] {0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0x102, 0x304})));
        }

        List<String> differences = GlibcOracle.differences(queries);

        assertThat(differences).as("differences from glibc:%n%s", String.join("\n", differences)).isEmpty();
    }

    @Test
    void ntop6_editedTable_matchesGlibc() throws Exception {
        List<String> addresses = List.of(
                "00000000000000000000000000000000", "00000000000000000000000000000001",
                "00000000000000000000000000000002", "0000000000000000000000000000ffff",
                "00000000000000000000000000010000", "00000000000000000000000100000000",
                "00000000000000000000ffff00000000", "00000000000000000000ffff00000001",
                "00000000000000000000ffff01020304", "00000000000000000000ffffffffffff",
                "000000000000000000000000ffff0000", "00000000000000000000000001020304",
                "0000000000000000ffff000001020304", "000000000000000000000000ffffffff",
                "00000000000000000001ffff01020304", "0000000000000000000affff01020304",
                "00000000000000000000fffe01020304", "00000000000000000000ffff00000100",
                "00010000000000000000ffff01020304", "00000000000000010000000000000000",
                "00000000000000000000000000000100", "00000000000000000000000000001000",
                "00000000000000000000000001000000", "0000000000000000000000000000000a",
                "00010000000000000000000000000001", "00010000000100000000000000000001",
                "00010000000000010000000000000001", "00010000000000000001000000000001",
                "00010000000100000001000000000001", "00000001000000000000000100000000",
                "00010000000000000000000000000000", "0000000000000000000000000000ff00",
                "20010db8000000000000000000000001", "20010db8000000000001000000000001",
                "20010db8000000010000000000000001", "fe800000000000000000000000000001",
                "ff020000000000000000000000000001", "0064ff9b0000000000000000c0000221",
                "ffffffffffffffffffffffffffffffff", "abcdef0123456789abcdef0123456789",
                "000100020003000400050006000700ff", "0a0b0c0d0e0f00000000000000000000",
                "00000000ffff00000000ffff00000000", "0000ffff0000ffff0000ffff0000ffff");
        List<GlibcQuery> queries = addresses.stream().map(hex -> GlibcQuery.ntop6(HEX.parseHex(hex))).toList();

        List<String> differences = GlibcOracle.differences(queries);

        assertThat(differences).as("differences from glibc:%n%s", String.join("\n", differences)).isEmpty();
    }

    @Test
    void parse6_zoneNamingEachInterface_usesIfNametoindex() throws Exception {
        List<String> names = new ArrayList<>(Collections.list(NetworkInterface.getNetworkInterfaces()).stream().map(NetworkInterface::getName).toList());
        names.add("nosuchif0");
        List<String> glibc;
        try (GlibcOracle oracle = GlibcOracle.start()) {
            glibc = new ArrayList<>();
            for (String name : names) {
                glibc.add(oracle.ask("ifindex " + HEX.formatHex(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            }
        }

        List<String> sockit = names.stream().map(name -> {
            try {
                return Integer.toString(InetText.parse6("fe80::1%" + name).scopeId());
            } catch (AddressFormatException e) {
                return "0";
            }
        }).toList();

        assertThat(sockit).isEqualTo(glibc);
        assertThat(glibc).last().isEqualTo("0");
    }

    private static byte[] groups(int shape, int[] values) {
        byte[] address = new byte[16];
        for (int i = 0; i < 8; i++) {
            if ((shape & (1 << (7 - i))) != 0) {
                Bytes.writeU16BE(address, 2 * i, values[i]);
            }
        }
        return address;
    }
}
