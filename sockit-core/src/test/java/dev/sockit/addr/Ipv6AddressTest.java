package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Ipv6Address} as a value: predicates, scope ids, groups, mapping and the JDK. */
class Ipv6AddressTest {
    private static final HexFormat HEX = HexFormat.of();

    @ParameterizedTest
    @CsvSource({
        // address,           unspecified, loopback, multicast, linkLocal, private, mapped
        "::,                  true,  false, false, false, false, false",
        "::1,                 false, true,  false, false, false, false",
        "::2,                 false, false, false, false, false, false",
        "1::1,                false, false, false, false, false, false",
        "ff00::,              false, false, true,  false, false, false",
        "ff02::1,             false, false, true,  false, false, false",
        "feff::,              false, false, false, false, false, false",
        "fe7f:ffff::,         false, false, false, false, false, false",
        "fe80::,              false, false, false, true,  false, false",
        "fe80::1,             false, false, false, true,  false, false",
        "febf:ffff::,         false, false, false, true,  false, false",
        "fec0::,              false, false, false, false, false, false",
        "fbff:ffff::,         false, false, false, false, false, false",
        "fc00::,              false, false, false, false, true,  false",
        "fdff:ffff::,         false, false, false, false, true,  false",
        "fe00::,              false, false, false, false, false, false",
        "::ffff:1.2.3.4,      false, false, false, false, false, true",
        "::ffff:0.0.0.0,      false, false, false, false, false, true",
        "::ffff:127.0.0.1,    false, false, false, false, false, true",
        "::1.2.3.4,           false, false, false, false, false, false",
        "::ffff:0:1.2.3.4,    false, false, false, false, false, false",
        "1::ffff:1.2.3.4,     false, false, false, false, false, false",
        "::fffe:1.2.3.4,      false, false, false, false, false, false",
    })
    void predicates_ipv6Address_matchTheirRanges(String text, boolean unspecified, boolean loopback, boolean multicast,
            boolean linkLocal, boolean isPrivate, boolean mapped) {
        Ipv6Address address = Ipv6Address.parse(text);

        assertThat(address.isUnspecified()).as("unspecified").isEqualTo(unspecified);
        assertThat(address.isLoopback()).as("loopback").isEqualTo(loopback);
        assertThat(address.isMulticast()).as("multicast").isEqualTo(multicast);
        assertThat(address.isLinkLocal()).as("link-local").isEqualTo(linkLocal);
        assertThat(address.isPrivate()).as("private").isEqualTo(isPrivate);
        assertThat(address.isIpv4Mapped()).as("mapped").isEqualTo(mapped);
    }

    @Test
    void predicates_scopeId_doesNotMatter() {
        assertThat(Ipv6Address.parse("::1%4").isLoopback()).isTrue();
        assertThat(Ipv6Address.parse("::%4").isUnspecified()).isTrue();
    }

    @Test
    void constants_anyAndLoopback_areTheirText() {
        assertThat(Ipv6Address.ANY).hasToString("::");
        assertThat(Ipv6Address.LOOPBACK).hasToString("::1");
    }

    @Test
    void equals_sameBytesAndScope_equalWithEqualHashCode() {
        Ipv6Address a = Ipv6Address.parse("fe80::1%2");
        Ipv6Address b = Ipv6Address.ofBytes(HEX.parseHex("fe800000000000000000000000000001"), 2);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void equals_otherScopeOrBytes_notEqual() {
        Ipv6Address a = Ipv6Address.parse("fe80::1%2");

        assertThat(a).isNotEqualTo(Ipv6Address.parse("fe80::1%3"));
        assertThat(a).isNotEqualTo(Ipv6Address.parse("fe80::1"));
        assertThat(a).isNotEqualTo(Ipv6Address.parse("fe80::2%2"));
        assertThat(Ipv6Address.parse("::ffff:1.2.3.4")).isNotEqualTo(Ipv4Address.parse("1.2.3.4"));
    }

    @Test
    void withScopeId_address_replacesOnlyTheScope() {
        Ipv6Address address = Ipv6Address.parse("fe80::1");

        Ipv6Address scoped = address.withScopeId(7);

        assertThat(scoped).hasToString("fe80::1%7");
        assertThat(scoped.withScopeId(0)).isEqualTo(address);
        assertThat(address.scopeId()).isZero();
    }

    @Test
    void ofBytes_negativeScopeId_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> Ipv6Address.ofBytes(new byte[16], -1))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("scope id: -1 (expected: >= 0)");
    }

    @Test
    void ofBytes_wrongLength_throwsIllegalArgumentException() {
        assertThatThrownBy(() -> Ipv6Address.ofBytes(new byte[4]))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("IPv6 address length: 4 (expected: 16)");
    }

    @Test
    void ofBytesAndBytes_arrays_areCopied() {
        byte[] bytes = HEX.parseHex("20010db8000000000000000000000001");
        Ipv6Address address = Ipv6Address.ofBytes(bytes);
        bytes[15] = 2;
        address.bytes()[15] = 3;

        assertThat(address).hasToString("2001:db8::1");
    }

    @Test
    void group_eachIndex_isThatGroup() {
        Ipv6Address address = Ipv6Address.parse("1:22:333:4444:ffff:0:a:b");

        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = address.group(i);
        }

        assertThat(groups).containsExactly(1, 0x22, 0x333, 0x4444, 0xffff, 0, 0xa, 0xb);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 8, Integer.MAX_VALUE})
    void group_outOfRange_throwsIndexOutOfBoundsException(int i) {
        assertThatThrownBy(() -> Ipv6Address.ANY.group(i))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("group: " + i + " (expected: 0-7)");
    }

    @Test
    void unmapped_mappedAddress_isItsIpv4Address() {
        assertThat(Ipv6Address.parse("::ffff:192.0.2.1").unmapped()).isEqualTo(Ipv4Address.parse("192.0.2.1"));
        assertThat(Ipv6Address.parse("::ffff:192.0.2.1").toIpv4()).contains(Ipv4Address.parse("192.0.2.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1.2.3.4", "::ffff:0:1.2.3.4", "64:ff9b::1.2.3.4", "fe80::1%2", "::"})
    void unmapped_notMapped_isTheSameAddress(String text) {
        Ipv6Address address = Ipv6Address.parse(text);

        assertThat(address.unmapped()).isSameAs(address);
        assertThat(address.toIpv4()).isEmpty();
    }

    @Test
    void toInetAddress_scopedAddress_roundTripsThroughTheJdk() {
        Ipv6Address address = Ipv6Address.parse("fe80::1:2%9");

        InetAddress jdk = address.toInetAddress();

        assertThat(jdk).isInstanceOf(Inet6Address.class);
        assertThat(((Inet6Address) jdk).getScopeId()).isEqualTo(9);
        assertThat(jdk.getHostAddress()).isEqualTo("fe80:0:0:0:0:0:1:2%9");
        assertThat(IpAddress.of(jdk)).isEqualTo(address);
        assertThat(IpAddress.parse(jdk.getHostAddress())).isEqualTo(address);
    }

    @Test
    void toInetAddress_mappedAddress_staysIpv6() {
        Ipv6Address address = Ipv6Address.parse("::ffff:1.2.3.4");

        InetAddress jdk = address.toInetAddress();

        assertThat(jdk).isInstanceOf(Inet6Address.class);
        assertThat(IpAddress.of(jdk)).isEqualTo(address);
    }

    @Test
    void toString_scopedAddress_appendsDecimalScope() {
        assertThat(Ipv6Address.ofBytes(HEX.parseHex("fe800000000000000000000000000001"), 12)).hasToString("fe80::1%12");
    }
}
