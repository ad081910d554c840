package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Cidr}: its text, its checks, its bounds and {@link Cidr#contains}. */
class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,        10.0.0.0,     8,   AF_INET,  10.255.255.255",
        "0.0.0.0/0,         0.0.0.0,      0,   AF_INET,  255.255.255.255",
        "192.0.2.7/32,      192.0.2.7,    32,  AF_INET,  192.0.2.7",
        "192.0.2.7,         192.0.2.7,    32,  AF_INET,  192.0.2.7",
        "172.16.0.0/12,     172.16.0.0,   12,  AF_INET,  172.31.255.255",
        "2001:db8::/32,     2001:db8::,   32,  AF_INET6, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
        "::/0,              ::,           0,   AF_INET6, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "::1,               ::1,          128, AF_INET6, ::1",
        "fe80::/10,         fe80::,       10,  AF_INET6, febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        "2001:db8:0:1::/64, 2001:db8:0:1::, 64, AF_INET6, 2001:db8:0:1:ffff:ffff:ffff:ffff",
        "2001:db8:0:0:8000::/65, 2001:db8:0:0:8000::, 65, AF_INET6, 2001:db8::ffff:ffff:ffff:ffff",
        "::ffff:0:0/96,     ::ffff:0.0.0.0, 96, AF_INET6, ::ffff:255.255.255.255",
        "2001:DB8::/32,     2001:db8::,   32,  AF_INET6, 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void parse_block_givesNetworkPrefixFamilyAndLastAddress(String text, String network, int prefixLength, AddressFamily family,
            String last) {
        Cidr cidr = Cidr.parse(text);

        assertThat(cidr.network()).isEqualTo(IpAddress.parse(network));
        assertThat(cidr.prefixLength()).isEqualTo(prefixLength);
        assertThat(cidr.family()).isEqualTo(family);
        assertThat(cidr.lastAddress()).isEqualTo(IpAddress.parse(last));
        assertThat(cidr).hasToString(network + "/" + prefixLength);
    }

    static Stream<Arguments> badText() {
        return Stream.of(
                Arguments.of("10.0.0.1/8", "host bits set (did you mean 10.0.0.0/8?)"),
                Arguments.of("1.2.3.4/0", "host bits set (did you mean 0.0.0.0/0?)"),
                Arguments.of("2001:db8::1/32", "host bits set (did you mean 2001:db8::/32?)"),
                Arguments.of("2001:db8:0:1::/63", "host bits set (did you mean 2001:db8::/63?)"),
                Arguments.of("10.0.0.0/33", "prefix length 33 is out of range (expected: 0-32)"),
                Arguments.of("::/129", "prefix length 129 is out of range (expected: 0-128)"),
                Arguments.of("10.0.0.0/99999999999", "prefix length 99999999999 is out of range (expected: 0-32)"),
                Arguments.of("10.0.0.0/", "no prefix length after '/'"),
                Arguments.of("10.0.0.0/x", "prefix length \"x\" is not a decimal number"),
                Arguments.of("10.0.0.0/08", "prefix length \"08\" has a leading zero"),
                Arguments.of("10.0.0.0/00", "prefix length \"00\" has a leading zero"),
                Arguments.of("10.0.0.0/+8", "prefix length \"+8\" is not a decimal number"),
                Arguments.of("10.0.0.0/-8", "prefix length \"-8\" is not a decimal number"),
                Arguments.of("10.0.0.0/ 8", "prefix length \" 8\" is not a decimal number"),
                Arguments.of("10.0.0.0/8 ", "prefix length \"8 \" is not a decimal number"),
                Arguments.of("10.0.0.0/8/8", "prefix length \"8/8\" is not a decimal number"),
                Arguments.of("10.0.0/8", "address \"10.0.0\": expected 4 decimal parts"),
                Arguments.of("/8", "address \"\": expected 4 decimal parts"),
                Arguments.of("", "address \"\": expected 4 decimal parts"),
                Arguments.of("10.0.0.00/8", "address \"10.0.0.00\": part \"00\" has a leading zero"),
                Arguments.of("2001:db8:::/32", "address \"2001:db8:::\": more than one '::'"),
                Arguments.of("fe80::%1/64", "a CIDR block has no zone"),
                Arguments.of("fe80::%eth0", "a CIDR block has no zone"));
    }

    @ParameterizedTest
    @MethodSource("badText")
    void parse_badText_throwsNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isExactlyInstanceOf(AddressFormatException.class)
                .hasMessage("\"" + text + "\": " + problem);
    }

    @Test
    void of_network_equalsParsedBlock() {
        Cidr cidr = Cidr.of(IpAddress.parse("10.0.0.0"), 8);

        assertThat(cidr).isEqualTo(Cidr.parse("10.0.0.0/8")).hasSameHashCodeAs(Cidr.parse("10.0.0.0/8"));
        assertThat(cidr).isNotEqualTo(Cidr.parse("10.0.0.0/9"));
        assertThat(Cidr.parse("::/0")).isNotEqualTo(Cidr.parse("0.0.0.0/0"));
    }

    @Test
    void of_hostBitsSet_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> Cidr.of(IpAddress.parse("10.0.0.1"), 8))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("10.0.0.1/8: host bits set (did you mean 10.0.0.0/8?)");
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0, -1, 'prefix length: -1 (expected: 0-32)'", "10.0.0.0, 33, 'prefix length: 33 (expected: 0-32)'",
        "::, 129, 'prefix length: 129 (expected: 0-128)'", "::, -1, 'prefix length: -1 (expected: 0-128)'"})
    void of_prefixLengthOutOfRange_throwsIllegalArgumentException(String network, int prefixLength, String message) {
        assertThatThrownBy(() -> Cidr.of(IpAddress.parse(network), prefixLength))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void of_scopedNetwork_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> Cidr.of(IpAddress.parse("fe80::%2"), 64))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope id: 2 (expected: 0, a CIDR block has no zone)");
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/8,        10.0.0.0,            true",
        "10.0.0.0/8,        10.255.255.255,      true",
        "10.0.0.0/8,        9.255.255.255,       false",
        "10.0.0.0/8,        11.0.0.0,            false",
        "10.0.0.0/8,        ::ffff:10.1.2.3,     true",
        "10.0.0.0/8,        ::ffff:11.1.2.3,     false",
        "10.0.0.0/8,        ::10.1.2.3,          false",
        "10.0.0.0/8,        ::ffff:0:10.1.2.3,   false",
        "10.0.0.0/8,        ::ffff:10.1.2.3%4,   true",
        "0.0.0.0/0,         255.255.255.255,     true",
        "0.0.0.0/0,         ::ffff:1.2.3.4,      true",
        "0.0.0.0/0,         ::1,                 false",
        "0.0.0.0/0,         ::,                  false",
        "192.0.2.7/32,      192.0.2.7,           true",
        "192.0.2.7/32,      192.0.2.6,           false",
        "192.0.2.7/32,      192.0.2.8,           false",
        "128.0.0.0/1,       255.0.0.0,           true",
        "128.0.0.0/1,       127.255.255.255,     false",
        "::/0,              ::1,                 true",
        "::/0,              ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, true",
        "::/0,              1.2.3.4,             false",
        "::ffff:0:0/96,     ::ffff:1.2.3.4,      true",
        "::ffff:0:0/96,     1.2.3.4,             false",
        "fe80::/10,         fe80::1%2,           true",
        "fe80::/10,         febf:ffff::,         true",
        "fe80::/10,         fec0::,              false",
        "fe80::/10,         fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff, false",
        "2001:db8:0:1::/64, 2001:db8:0:1:ffff:ffff:ffff:ffff, true",
        "2001:db8:0:1::/64, 2001:db8:0:2::,      false",
        "2001:db8:0:1::/64, 2001:db8:0:0:ffff:ffff:ffff:ffff, false",
        "2001:db8::/63,     2001:db8:0:1:ffff::, true",
        "2001:db8::/63,     2001:db8:0:2::,      false",
        "2001:db8::/65,     2001:db8::7fff:ffff:ffff:ffff, true",
        "2001:db8::/65,     2001:db8::8000:0:0:0, false",
        "::1/128,           ::1,                 true",
        "::1/128,           ::1%3,               true",
        "::1/128,           ::,                  false",
        "::1/128,           ::2,                 false",
        "::1/128,           0.0.0.1,             false",
    })
    void contains_address_isTrueOnlyInsideTheBlock(String block, String address, boolean expected) {
        assertThat(Cidr.parse(block).contains(IpAddress.parse(address))).isEqualTo(expected);
    }

    @Test
    void contains_null_throwsNullPointerException() {
        assertThatThrownBy(() -> Cidr.parse("::/0").contains(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("address");
    }
}
