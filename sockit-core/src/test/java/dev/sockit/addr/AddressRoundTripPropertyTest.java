package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Text written by sockit reads back as the same value, and the two parsers agree with each other. */
class AddressRoundTripPropertyTest {

    @Property
    void pton6_ofFormat6_givesAnyBytesBack(@ForAll @Size(16) byte[] bytes) {
        assertThat(InetText.pton6(InetText.format6(bytes))).map(Ipv6Address::bytes).contains(bytes);
    }

    @Property
    void pton6_ofFormat6_givesZeroHeavyBytesBack(@ForAll("ipv6Bytes") byte[] bytes) {
        assertThat(InetText.pton6(InetText.format6(bytes))).map(Ipv6Address::bytes).contains(bytes);
    }

    @Property
    void pton6_allGroupsWrittenInEitherCase_givesBytesBack(@ForAll("ipv6Bytes") byte[] bytes) {
        String text = AddressArbitraries.uncompressed(bytes);

        assertThat(InetText.pton6(text)).map(Ipv6Address::bytes).contains(bytes);
        assertThat(InetText.pton6(text.toUpperCase(Locale.ROOT))).map(Ipv6Address::bytes).contains(bytes);
    }

    @Property
    void pton6_dottedQuadTail_givesBytesBack(@ForAll("ipv6Bytes") byte[] bytes) {
        assertThat(InetText.pton6(AddressArbitraries.withDottedQuad(bytes))).map(Ipv6Address::bytes).contains(bytes);
    }

    @Property
    void format6_anyBytes_isLowerCaseAndAtMostInet6AddrstrlenLong(@ForAll @Size(16) byte[] bytes) {
        String text = InetText.format6(bytes);

        assertThat(text).isEqualTo(text.toLowerCase(Locale.ROOT)).hasSizeLessThan(46);
    }

    @Property
    void pton4_ofToString_givesTheAddressBack(@ForAll("ipv4Bytes") byte[] bytes) {
        Ipv4Address address = Ipv4Address.ofBytes(bytes);

        assertThat(InetText.pton4(address.toString())).contains(address);
    }

    @Property
    void parse_ofToString_givesTheAddressBackWithItsScope(@ForAll("addresses") IpAddress address) {
        assertThat(IpAddress.parse(address.toString())).isEqualTo(address);
    }

    @Property
    void of_toInetAddress_givesTheAddressBack(@ForAll("addresses") IpAddress address) {
        assertThat(IpAddress.of(address.toInetAddress())).isEqualTo(address);
        assertThat(IpAddress.parse(address.toInetAddress().getHostAddress())).isEqualTo(address);
    }

    @Property
    void inetSockAddr_parseOfToString_givesTheSocketAddressBack(@ForAll("addresses") IpAddress address,
            @ForAll @IntRange(max = 65535) int port) {
        InetSockAddr sockAddr = InetSockAddr.of(address, port);

        assertThat(InetSockAddr.parse(sockAddr.toString())).isEqualTo(sockAddr);
        assertThat(InetSockAddr.of(sockAddr.toInetSocketAddress())).isEqualTo(sockAddr);
    }

    @Property
    void parse6_textWithoutZoneOrNul_acceptsExactlyWhatPton6Accepts(@ForAll("texts") String text) {
        Optional<Ipv6Address> pton = InetText.pton6(text);
        Throwable failure = catchThrowable(() -> InetText.parse6(text));

        if (text.indexOf('%') < 0 && text.indexOf('\0') < 0) {
            assertThat(failure == null).as("parse6 accepts").isEqualTo(pton.isPresent());
            pton.ifPresent(address -> assertThat(InetText.parse6(text)).isEqualTo(address));
        }
        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(AddressFormatException.class);
        }
    }

    @Property
    void parse4_textWithoutNul_acceptsExactlyWhatPton4AcceptsAndIsCanonical(@ForAll("texts") String text) {
        Optional<Ipv4Address> pton = InetText.pton4(text);
        Throwable failure = catchThrowable(() -> InetText.parse4(text));

        if (text.indexOf('\0') < 0) {
            assertThat(failure == null).as("parse4 accepts").isEqualTo(pton.isPresent());
            pton.ifPresent(address -> assertThat(address).hasToString(text));
        }
        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(AddressFormatException.class);
        }
    }

    @Provide
    Arbitrary<byte[]> ipv6Bytes() {
        return AddressArbitraries.ipv6Bytes();
    }

    @Provide
    Arbitrary<byte[]> ipv4Bytes() {
        return AddressArbitraries.ipv4Bytes();
    }

    @Provide
    Arbitrary<IpAddress> addresses() {
        return AddressArbitraries.addresses();
    }

    @Provide
    Arbitrary<String> texts() {
        return AddressArbitraries.addressTexts();
    }
}
