package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IpAddress}'s factories over both families, and {@link Ipv4Address} as a value. */
class IpAddressTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void parse_dottedQuad_isIpv4() {
        assertThat(IpAddress.parse("10.1.2.3")).isEqualTo(Ipv4Address.ofHostOrder(0x0a010203L));
    }

    @Test
    void parse_ipv6WithZone_isIpv6WithScopeId() {
        assertThat(IpAddress.parse("fe80::1%3")).isEqualTo(Ipv6Address.ofBytes(HEX.parseHex("fe800000000000000000000000000001"), 3));
    }

    @Test
    void parse_legacyIpv4Form_throwsAddressFormatException() {
        assertThatThrownBy(() -> IpAddress.parse("127.1"))
                .isExactlyInstanceOf(AddressFormatException.class)
                .hasMessage("\"127.1\": expected 4 decimal parts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "::", "::ffff:1.2.3.4", "::1.2.3.4", "fe80::1%2", "2001:db8::1%2147483647"})
    void parse_toStringOfParsed_isTheSameAddress(String text) {
        IpAddress address = IpAddress.parse(text);

        assertThat(address.toString()).isEqualTo(text);
        assertThat(IpAddress.parse(address.toString())).isEqualTo(address);
    }

    @Test
    void ofBytes_fourOrSixteen_givesThatFamily() {
        assertThat(IpAddress.ofBytes(new byte[] {1, 2, 3, 4})).isEqualTo(Ipv4Address.ofHostOrder(0x01020304L));
        assertThat(IpAddress.ofBytes(new byte[16])).isEqualTo(Ipv6Address.ANY);
    }

    @Test
    void ofBytes_fiveBytes_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> IpAddress.ofBytes(new byte[5]))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("address length: 5 (expected: 4 or 16)");
    }

    @Test
    void of_jdkAddresses_keepFamilyAndScope() throws Exception {
        byte[] linkLocal = HEX.parseHex("fe800000000000000000000000000001");

        assertThat(IpAddress.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))).isEqualTo(Ipv4Address.LOOPBACK);
        assertThat(IpAddress.of(Inet6Address.getByAddress(null, linkLocal, 5))).isEqualTo(Ipv6Address.ofBytes(linkLocal, 5));
    }

    @Test
    void of_jdkAddressFromMappedBytes_isIpv4AsTheJdkMadeIt() throws Exception {
        InetAddress jdk = InetAddress.getByAddress(HEX.parseHex("00000000000000000000ffff01020304"));

        assertThat(jdk).isInstanceOf(Inet4Address.class);
        assertThat(IpAddress.of(jdk)).isEqualTo(Ipv4Address.ofHostOrder(0x01020304L));
    }

    @ParameterizedTest
    @CsvSource({
        // address,      unspecified, loopback, multicast, linkLocal, private, broadcast
        "0.0.0.0,         true,  false, false, false, false, false",
        "0.0.0.1,         false, false, false, false, false, false",
        "127.0.0.1,       false, true,  false, false, false, false",
        "127.255.255.255, false, true,  false, false, false, false",
        "126.255.255.255, false, false, false, false, false, false",
        "128.0.0.0,       false, false, false, false, false, false",
        "10.0.0.0,        false, false, false, false, true,  false",
        "10.255.255.255,  false, false, false, false, true,  false",
        "11.0.0.0,        false, false, false, false, false, false",
        "172.15.255.255,  false, false, false, false, false, false",
        "172.16.0.0,      false, false, false, false, true,  false",
        "172.31.255.255,  false, false, false, false, true,  false",
        "172.32.0.0,      false, false, false, false, false, false",
        "192.167.255.255, false, false, false, false, false, false",
        "192.168.0.0,     false, false, false, false, true,  false",
        "192.168.255.255, false, false, false, false, true,  false",
        "192.169.0.0,     false, false, false, false, false, false",
        "169.253.255.255, false, false, false, false, false, false",
        "169.254.0.0,     false, false, false, true,  false, false",
        "169.254.255.255, false, false, false, true,  false, false",
        "169.255.0.0,     false, false, false, false, false, false",
        "223.255.255.255, false, false, false, false, false, false",
        "224.0.0.0,       false, false, true,  false, false, false",
        "239.255.255.255, false, false, true,  false, false, false",
        "240.0.0.0,       false, false, false, false, false, false",
        "255.255.255.255, false, false, false, false, false, true",
    })
    void predicates_ipv4Address_matchTheirRanges(String text, boolean unspecified, boolean loopback, boolean multicast,
            boolean linkLocal, boolean isPrivate, boolean broadcast) {
        Ipv4Address address = Ipv4Address.parse(text);

        assertThat(address.isUnspecified()).as("unspecified").isEqualTo(unspecified);
        assertThat(address.isLoopback()).as("loopback").isEqualTo(loopback);
        assertThat(address.isMulticast()).as("multicast").isEqualTo(multicast);
        assertThat(address.isLinkLocal()).as("link-local").isEqualTo(linkLocal);
        assertThat(address.isPrivate()).as("private").isEqualTo(isPrivate);
        assertThat(address.isBroadcast()).as("broadcast").isEqualTo(broadcast);
    }

    @Test
    void equals_ipv4SameBits_equalWithEqualHashCode() {
        Ipv4Address a = Ipv4Address.parse("192.0.2.1");
        Ipv4Address b = Ipv4Address.ofBytes(new byte[] {(byte) 192, 0, 2, 1});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Ipv4Address.parse("192.0.2.2"));
        assertThat(a).isNotEqualTo(a.toMapped());
    }

    @Test
    void compareTo_ipv4_ordersAsUnsignedNumbers() {
        assertThat(Ipv4Address.parse("128.0.0.0")).isGreaterThan(Ipv4Address.parse("127.255.255.255"));
        assertThat(Ipv4Address.BROADCAST).isGreaterThan(Ipv4Address.ANY);
        assertThat(Ipv4Address.parse("1.2.3.4").compareTo(Ipv4Address.parse("1.2.3.4"))).isZero();
    }

    @Test
    void toMapped_ipv4_isFfffPrefixedAndUnmapsBack() {
        Ipv4Address address = Ipv4Address.parse("198.51.100.7");

        Ipv6Address mapped = address.toMapped();

        assertThat(mapped.toString()).isEqualTo("::ffff:198.51.100.7");
        assertThat(mapped.isIpv4Mapped()).isTrue();
        assertThat(mapped.unmapped()).isEqualTo(address);
        assertThat(address.unmapped()).isSameAs(address);
    }

    @Test
    void toInetAddress_ipv4_roundTripsThroughTheJdk() {
        Ipv4Address address = Ipv4Address.parse("203.0.113.9");

        InetAddress jdk = address.toInetAddress();

        assertThat(jdk).isInstanceOf(Inet4Address.class);
        assertThat(jdk.getHostAddress()).isEqualTo("203.0.113.9");
        assertThat(IpAddress.of(jdk)).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource({"-1, -1", "4294967296, 4294967296", "-9223372036854775808, -9223372036854775808"})
    void ofHostOrder_outOfU32_throwsIllegalArgumentException(long value, String shown) {
        assertThatThrownBy(() -> Ipv4Address.ofHostOrder(value))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("address: " + shown + " (expected: 0-4294967295)");
    }

    @Test
    void ofHostOrder_bounds_areAddresses() {
        assertThat(Ipv4Address.ofHostOrder(0)).isEqualTo(Ipv4Address.ANY);
        assertThat(Ipv4Address.ofHostOrder(0xffffffffL)).isEqualTo(Ipv4Address.BROADCAST);
    }

    @Test
    void ofSAddr_outOfU32_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> Ipv4Address.ofSAddr(1L << 32))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("s_addr: 4294967296 (expected: 0-4294967295)");
    }

    @Test
    void sAddr_loopback_isNetworkOrderReadNatively() {
        long expected = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0x0100007fL : 0x7f000001L;

        assertThat(Ipv4Address.LOOPBACK.sAddr()).isEqualTo(expected);
        assertThat(Ipv4Address.ofSAddr(expected)).isEqualTo(Ipv4Address.LOOPBACK);
    }

    @Test
    void octet_eachIndex_isThatByte() {
        Ipv4Address address = Ipv4Address.parse("1.2.3.254");

        assertThat(new int[] {address.octet(0), address.octet(1), address.octet(2), address.octet(3)}).containsExactly(1, 2, 3, 254);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4, Integer.MIN_VALUE})
    void octet_outOfRange_throwsIndexOutOfBoundsException(int i) {
        assertThatThrownBy(() -> Ipv4Address.ANY.octet(i))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("octet: " + i + " (expected: 0-3)");
    }

    @Test
    void bytes_ipv4_isACopyInNetworkOrder() {
        Ipv4Address address = Ipv4Address.parse("10.20.30.40");
        byte[] bytes = address.bytes();
        bytes[0] = 99;

        assertThat(address.bytes()).containsExactly(10, 20, 30, 40);
    }

    @Test
    void ofBytes_ipv4WrongLength_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> Ipv4Address.ofBytes(new byte[16]))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("IPv4 address length: 16 (expected: 4)");
    }

    @ParameterizedTest
    @CsvSource({"1.0.0.0, A", "127.255.255.255, A", "128.0.0.0, B", "191.255.255.255, B", "192.0.0.0, C",
        "223.255.255.255, C", "224.0.0.0, D", "239.255.255.255, D", "240.0.0.0, E", "255.255.255.255, E"})
    void addressClass_ipv4_isItsClassfulClass(String text, char expected) {
        assertThat(Ipv4Address.parse(text).addressClass()).isEqualTo(expected);
    }

    @Test
    void family_eachAddress_isItsFamily() {
        assertThat(Ipv4Address.ANY.family()).isEqualTo(AddressFamily.AF_INET);
        assertThat(Ipv6Address.ANY.family()).isEqualTo(AddressFamily.AF_INET6);
    }
}
