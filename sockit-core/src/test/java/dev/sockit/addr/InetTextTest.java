package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented results and error messages of {@link InetText}; glibc agreement is {@link InetTextGlibcTest}'s. */
class InetTextTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        "00000000000000000000000000000000, ::",
        "00000000000000000000000000000001, ::1",
        "00000000000000000000000000000002, ::2",
        "0000000000000000000000000000ffff, ::ffff",
        "00000000000000000000000000010000, ::0.1.0.0",
        "00000000000000000000000001020304, ::1.2.3.4",
        "00000000000000000000ffff01020304, ::ffff:1.2.3.4",
        "00000000000000000000ffff00000000, ::ffff:0.0.0.0",
        "0000000000000000ffff000001020304, ::ffff:0:102:304",
        "00010000000000000000000000000000, 1::",
        "00010000000000000000000000000001, 1::1",
        "00010000000200000000000300000004, 1:0:2::3:0:4",
        "00010000000000020000000000030004, 1::2:0:0:3:4",
        "00010000000200030004000500060007, 1:0:2:3:4:5:6:7",
        "20010db8000000000000000000000001, 2001:db8::1",
        "ABCDEF0123456789ABCDEF0123456789, abcd:ef01:2345:6789:abcd:ef01:2345:6789",
        "0064ff9b0000000000000000c0000221, 64:ff9b::c000:221",
    })
    void format6_address_writesGlibcText(String hex, String text) {
        assertThat(InetText.format6(HEX.parseHex(hex.toLowerCase()))).isEqualTo(text);
    }

    @Test
    void format6_fifteenBytes_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> InetText.format6(new byte[15]))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("IPv6 address length: 15 (expected: 16)");
    }

    @ParameterizedTest
    @CsvSource({
        "::, 00000000000000000000000000000000",
        "::1, 00000000000000000000000000000001",
        "1::, 00010000000000000000000000000000",
        "::1:2:3:4:5:6:7, 00000001000200030004000500060007",
        "1:2:3:4:5:6:7::, 00010002000300040005000600070000",
        "FfFf::fFfF, ffff000000000000000000000000ffff",
        "::ffff:1.2.3.4, 00000000000000000000ffff01020304",
        "1:2:3:4:5:6:1.2.3.4, 00010002000300040005000601020304",
        "0000:0000:0000:0000:0000:0000:0000:0001, 00000000000000000000000000000001",
    })
    void pton6_acceptedText_givesBytes(String text, String hex) {
        assertThat(InetText.pton6(text)).map(a -> HEX.formatHex(a.bytes())).contains(hex);
    }

    @ParameterizedTest
    @CsvSource({"':::'", "'1:::2'", "'::1::'", "'12345::'", "'1:2:3:4:5:6:7:8:9'", "'1:2:3:4:5:6:7:8::'", "'::1.2.3.04'",
        "'::1.2.3.4:1'", "'1.2.3.4'", "'fe80::1%1'", "''", "' ::1'", "'1:'", "':1'"})
    void pton6_rejectedText_isEmpty(String text) {
        assertThat(InetText.pton6(text)).isEmpty();
    }

    @Test
    void pton_textWithNul_endsAtTheNulAsInC() {
        assertThat(InetText.pton6("::1\0garbage")).contains(Ipv6Address.LOOPBACK);
        assertThat(InetText.pton4("1.2.3.4\0junk")).contains(Ipv4Address.ofHostOrder(0x01020304L));
    }

    @Test
    void pton4_fourDecimalParts_givesAddress() {
        assertThat(InetText.pton4("255.255.255.255")).contains(Ipv4Address.BROADCAST);
        assertThat(InetText.pton4("0.0.0.0")).contains(Ipv4Address.ANY);
    }

    @ParameterizedTest
    @CsvSource({"'127.1'", "'0x7f.0.0.1'", "'01.2.3.4'", "'1.2.3.4.5'", "'256.0.0.0'", "''", "'1.2.3.4 '", "'1.2.3.\u0664'"})
    void pton4_legacyOrBadText_isEmpty(String text) {
        assertThat(InetText.pton4(text)).isEmpty();
    }

    static Stream<Arguments> badIpv4() {
        return Stream.of(
                Arguments.of("", "expected 4 decimal parts"),
                Arguments.of("1.2.3", "expected 4 decimal parts"),
                Arguments.of("1.2.3.4.5", "expected 4 decimal parts"),
                Arguments.of("1..2.3", "empty part at index 2"),
                Arguments.of("01.2.3.4", "part \"01\" has a leading zero"),
                Arguments.of("256.1.1.1", "part 256 is out of range (expected: 0-255)"),
                Arguments.of("1.2.3.x", "unexpected character 'x' at index 6"),
                Arguments.of("1.2.3.4 ", "unexpected character U+0020 at index 7"),
                Arguments.of("1.2.3.4\0", "unexpected character U+0000 at index 7"),
                Arguments.of("1.2.3.\u0664", "unexpected character U+0664 at index 6"));
    }

    @ParameterizedTest
    @MethodSource("badIpv4")
    void parse4_badText_throwsNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> InetText.parse4(text))
                .isExactlyInstanceOf(AddressFormatException.class)
                .hasMessage("\"" + text + "\": " + problem)
                .extracting(e -> ((AddressFormatException) e).problem()).isEqualTo(problem);
    }

    static Stream<Arguments> badIpv6() {
        return Stream.of(
                Arguments.of("", "empty address"),
                Arguments.of(":", "a leading ':' must be part of '::'"),
                Arguments.of(":1", "a leading ':' must be part of '::'"),
                Arguments.of("1:", "a trailing ':' must be part of '::'"),
                Arguments.of(":::", "more than one '::'"),
                Arguments.of("1:::2", "more than one '::'"),
                Arguments.of("::1::", "more than one '::'"),
                Arguments.of("1:2:3:4:5:6:7:8:9", "too many groups"),
                Arguments.of("1:2:3:4:5:6:7:1.2.3.4", "too many groups"),
                Arguments.of("1:2:3:4:5:6:7:8::", "too many groups ('::' must stand for at least one zero group)"),
                Arguments.of("1:2:3:4:5:6:7", "too few groups (expected: 8, or '::')"),
                Arguments.of("12345::", "group \"12345\" has more than 4 hex digits"),
                Arguments.of("::1.2.3.04", "embedded IPv4 address: part \"04\" has a leading zero"),
                Arguments.of("::1.2.3.4:1", "an embedded IPv4 address must be the last 32 bits"),
                Arguments.of("1.2.3.4", "an IPv4 address, not IPv6"),
                Arguments.of("::g", "unexpected character 'g' at index 2"),
                Arguments.of("fe80::1%", "empty zone after '%'"),
                Arguments.of("%1", "empty address"),
                Arguments.of("fe80::1%2147483648", "scope id 2147483648 is out of range (expected: 0-2147483647)"),
                Arguments.of("fe80::1%99999999999999999999", "scope id 99999999999999999999 is out of range (expected: 0-2147483647)"),
                Arguments.of("fe80::1%nosuchif0", "unknown interface \"nosuchif0\""),
                Arguments.of("fe80::1%an-interface-name-too-long", "unknown interface \"an-interface-name-too-long\""),
                Arguments.of("::1\0", "unexpected character U+0000 at index 3"));
    }

    @ParameterizedTest
    @MethodSource("badIpv6")
    void parse6_badText_throwsNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> InetText.parse6(text))
                .isExactlyInstanceOf(AddressFormatException.class)
                .hasMessage("\"" + text + "\": " + problem);
    }

    @Test
    void parse6_decimalZone_isTheScopeId() {
        assertThat(InetText.parse6("fe80::1%2").scopeId()).isEqualTo(2);
        assertThat(InetText.parse6("fe80::1%0").scopeId()).isZero();
        assertThat(InetText.parse6("fe80::1%007").scopeId()).isEqualTo(7);
        assertThat(InetText.parse6("fe80::1%2147483647").scopeId()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void parse6_zoneNamingLoopbackInterface_isItsIndex() throws Exception {
        int index = java.net.NetworkInterface.getByName("lo").getIndex();

        assertThat(InetText.parse6("fe80::1%lo")).isEqualTo(Ipv6Address.ofBytes(HEX.parseHex("fe800000000000000000000000000001"), index));
    }

    @Test
    void parse6_noZone_equalsPton6() {
        assertThat(InetText.parse6("2001:db8::1")).isEqualTo(InetText.pton6("2001:db8::1").orElseThrow());
    }

    @Test
    void parse4_address_isWhatPton4Gives() {
        assertThat(InetText.parse4("192.168.0.1").hostOrder()).isEqualTo(0xc0a80001L);
    }
}
