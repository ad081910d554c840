package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@link Cidr} against arithmetic on {@link BigInteger}: prefixes compared bit by bit. */
class CidrPropertyTest {

    @Property
    void contains_addressNearTheBlock_agreesWithComparingPrefixBits(@ForAll("addresses") IpAddress base,
            @ForAll @IntRange(max = 128) int prefixLength, @ForAll @IntRange(max = 127) int flippedBit,
            @ForAll boolean asMapped) {
        int bits = base.bytes().length * 8;
        Assume.that(prefixLength <= bits);
        Cidr cidr = Cidr.of(network(base, prefixLength), prefixLength);
        IpAddress near = flip(base, flippedBit % bits);
        IpAddress probe = asMapped && near instanceof Ipv4Address v4 ? v4.toMapped() : near;

        assertThat(cidr.contains(probe)).isEqualTo(inPrefix(cidr, probe));
        assertThat(cidr.contains(base)).isTrue();
    }

    @Property
    void contains_addressOfOtherFamily_isFalseUnlessMappedIntoIpv4Block(@ForAll("addresses") IpAddress address) {
        Cidr everyIpv4 = Cidr.parse("0.0.0.0/0");
        Cidr everyIpv6 = Cidr.parse("::/0");

        assertThat(everyIpv4.contains(address)).isEqualTo(address.unmapped() instanceof Ipv4Address);
        assertThat(everyIpv6.contains(address)).isEqualTo(address instanceof Ipv6Address);
    }

    @Property
    void parse_ofToString_givesTheBlockBack(@ForAll("addresses") IpAddress base, @ForAll @IntRange(max = 128) int prefixLength) {
        int bits = base.bytes().length * 8;
        Assume.that(prefixLength <= bits);
        Cidr cidr = Cidr.of(network(base, prefixLength), prefixLength);

        assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
    }

    @Property
    void lastAddress_block_isNetworkWithHostBitsSetAndInside(@ForAll("addresses") IpAddress base,
            @ForAll @IntRange(max = 128) int prefixLength) {
        int bits = base.bytes().length * 8;
        Assume.that(prefixLength <= bits);
        Cidr cidr = Cidr.of(network(base, prefixLength), prefixLength);
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);

        assertThat(value(cidr.lastAddress())).isEqualTo(value(cidr.network()).or(hostMask));
        assertThat(cidr.contains(cidr.lastAddress())).isTrue();
        assertThat(cidr.contains(cidr.network())).isTrue();
    }

    @Property
    void parse_hostBitsSet_namesTheNetworkMeant(@ForAll("addresses") IpAddress base, @ForAll @IntRange(max = 128) int prefixLength) {
        IpAddress address = base instanceof Ipv6Address v6 ? v6.withScopeId(0) : base;
        int bits = address.bytes().length * 8;
        Assume.that(prefixLength <= bits);
        IpAddress network = network(address, prefixLength);
        Assume.that(!network.equals(address));
        String text = address + "/" + prefixLength;

        assertThatThrownBy(() -> Cidr.parse(text))
                .isExactlyInstanceOf(AddressFormatException.class)
                .hasMessage("\"" + text + "\": host bits set (did you mean " + network + "/" + prefixLength + "?)");
    }

    @Provide
    Arbitrary<IpAddress> addresses() {
        return AddressArbitraries.addresses();
    }

    private static boolean inPrefix(Cidr cidr, IpAddress address) {
        IpAddress candidate = cidr.family() == AddressFamily.AF_INET ? address.unmapped() : address;
        if (candidate.family() != cidr.family()) {
            return false;
        }
        int hostBits = candidate.bytes().length * 8 - cidr.prefixLength();
        return value(candidate).shiftRight(hostBits).equals(value(cidr.network()).shiftRight(hostBits));
    }

    private static IpAddress network(IpAddress address, int prefixLength) {
        int bits = address.bytes().length * 8;
        BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);
        return ofValue(value(address).andNot(hostMask), bits);
    }

    private static IpAddress flip(IpAddress address, int bit) {
        IpAddress flipped = ofValue(value(address).flipBit(bit), address.bytes().length * 8);
        return address instanceof Ipv6Address v6 ? ((Ipv6Address) flipped).withScopeId(v6.scopeId()) : flipped;
    }

    private static BigInteger value(IpAddress address) {
        return new BigInteger(1, address.bytes());
    }

    private static IpAddress ofValue(BigInteger value, int bits) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[bits / 8];
        int copy = Math.min(raw.length, bytes.length);
        System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
        return IpAddress.ofBytes(bytes);
    }
}
