package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link InetSockAddr}: text in both directions, its checks, and the JDK's socket address. */
class InetSockAddrTest {

    @ParameterizedTest
    @ValueSource(strings = {"[::1]:8080", "127.0.0.1:80", "[fe80::1%2]:22", "0.0.0.0:0", "[::]:65535", "[::ffff:1.2.3.4]:443",
        "255.255.255.255:65535"})
    void parse_canonicalText_roundTrips(String text) {
        InetSockAddr address = InetSockAddr.parse(text);

        assertThat(address).hasToString(text);
        assertThat(InetSockAddr.parse(address.toString())).isEqualTo(address);
    }

    @Test
    void parse_bracketedIpv6_givesAddressAndPort() {
        InetSockAddr address = InetSockAddr.parse("[fe80::1%2]:22");

        assertThat(address.address()).isEqualTo(Ipv6Address.parse("fe80::1").withScopeId(2));
        assertThat(address.port()).isEqualTo(22);
        assertThat(address.family()).isEqualTo(AddressFamily.AF_INET6);
    }

    @Test
    void parse_zoneNamingAnInterface_writesItsIndex() throws Exception {
        int index = NetworkInterface.getByName("lo").getIndex();

        assertThat(InetSockAddr.parse("[fe80::1%lo]:22")).hasToString("[fe80::1%" + index + "]:22");
    }

    @Test
    void parse_portWithLeadingZeros_isDecimal() {
        assertThat(InetSockAddr.parse("1.2.3.4:080")).isEqualTo(InetSockAddr.of(Ipv4Address.parse("1.2.3.4"), 80));
    }

    static Stream<Arguments> badText() {
        return Stream.of(
                Arguments.of("::1:80", "an IPv6 address needs brackets (expected: [IPV6]:PORT)"),
                Arguments.of("1.2.3.4", "no port (expected: ADDRESS:PORT or [IPV6]:PORT)"),
                Arguments.of("", "no port (expected: ADDRESS:PORT or [IPV6]:PORT)"),
                Arguments.of("1.2.3.4:70000", "port 70000 (expected: 0-65535)"),
                Arguments.of("1.2.3.4:65536", "port 65536 (expected: 0-65535)"),
                Arguments.of("1.2.3.4:123456", "port \"123456\" (expected: 0-65535)"),
                Arguments.of("[::1]", "no port (expected: [IPV6]:PORT)"),
                Arguments.of("[::1]:", "port \"\" (expected: 0-65535)"),
                Arguments.of("[1.2.3.4]:80", "brackets hold IPv6 only (expected: A.B.C.D:PORT)"),
                Arguments.of("1.2.3.4:-1", "port \"-1\" (expected: 0-65535)"),
                Arguments.of("1.2.3.4:+80", "port \"+80\" (expected: 0-65535)"),
                Arguments.of("1.2.3.4: 80", "port \" 80\" (expected: 0-65535)"),
                Arguments.of("[::1", "no ']' after '[' (expected: [IPV6]:PORT)"),
                Arguments.of("[::1]x80", "no ':' after ']' (expected: [IPV6]:PORT)"),
                Arguments.of("[::1]]:80", "no ':' after ']' (expected: [IPV6]:PORT)"),
                Arguments.of("[]:80", "address \"\": empty address"),
                Arguments.of(":80", "address \"\": expected 4 decimal parts"),
                Arguments.of("[::g]:80", "address \"::g\": unexpected character 'g' at index 2"),
                Arguments.of("1.2.3:80", "address \"1.2.3\": expected 4 decimal parts"),
                Arguments.of("[fe80::1%nosuchif0]:22", "address \"fe80::1%nosuchif0\": unknown interface \"nosuchif0\""),
                Arguments.of("localhost:80", "address \"localhost\": unexpected character 'l' at index 0"));
    }

    @ParameterizedTest
    @MethodSource("badText")
    void parse_badText_throwsNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> InetSockAddr.parse(text))
                .isExactlyInstanceOf(AddressFormatException.class)
                .hasMessage("\"" + text + "\": " + problem);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void constructor_portOutOfRange_throwsIllegalArgumentException(int port) {
        assertThatThrownBy(() -> new InetSockAddr(Ipv4Address.ANY, port))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("port: " + port + " (expected: 0-65535)");
    }

    @Test
    void constructor_nullAddress_throwsNullPointerException() {
        assertThatThrownBy(() -> new InetSockAddr(null, 80))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("address");
    }

    @Test
    void of_jdkSocketAddresses_keepAddressScopeAndPort() throws Exception {
        byte[] linkLocal = Ipv6Address.parse("fe80::1").bytes();
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 1}), 443);
        InetSocketAddress v6 = new InetSocketAddress(Inet6Address.getByAddress(null, linkLocal, 3), 22);

        assertThat(InetSockAddr.of(v4)).hasToString("10.0.0.1:443");
        assertThat(InetSockAddr.of(v6)).hasToString("[fe80::1%3]:22");
    }

    @Test
    void of_unresolvedJdkSocketAddress_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> InetSockAddr.of(InetSocketAddress.createUnresolved("example.invalid", 80)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("unresolved address: example.invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[::1]:8080", "127.0.0.1:80", "[fe80::1%2]:22", "[::ffff:1.2.3.4]:443"})
    void toInetSocketAddress_roundTripsThroughTheJdk(String text) {
        InetSockAddr address = InetSockAddr.parse(text);

        InetSocketAddress jdk = address.toInetSocketAddress();

        assertThat(jdk.isUnresolved()).isFalse();
        assertThat(jdk.getPort()).isEqualTo(address.port());
        assertThat(InetSockAddr.of(jdk)).isEqualTo(address);
    }

    @Test
    void equals_sameAddressAndPort_equalWithEqualHashCode() {
        InetSockAddr a = InetSockAddr.parse("[::1]:80");
        InetSockAddr b = InetSockAddr.of(Ipv6Address.LOOPBACK, 80);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(InetSockAddr.parse("[::1]:81"));
        assertThat(InetSockAddr.parse("[::ffff:127.0.0.1]:80")).isNotEqualTo(InetSockAddr.parse("127.0.0.1:80"));
    }
}
