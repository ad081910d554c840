package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Any text given to {@link Cidr#parse} gives a block or {@link AddressFormatException}; any
 * address and prefix length given to {@link Cidr#of} a block or
 * {@link IllegalArgumentException}. Every block reads back from its text, holds its first and
 * last address, and {@link Cidr#contains} agrees with comparing prefix bits one by one.
 */
class CidrFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void cidr_anyInput_givesBlockOrDocumentedException(FuzzedDataProvider data) {
        int prefixLength = data.consumeInt(-1, 129);
        byte[] network = Arrays.copyOf(data.consumeBytes(16), data.consumeBoolean() ? 4 : 16);
        byte[] probe = Arrays.copyOf(data.consumeBytes(16), data.consumeBoolean() ? 4 : 16);
        String text = data.consumeRemainingAsString();
        IpAddress probeAddress = IpAddress.ofBytes(probe);

        try {
            check(Cidr.parse(text), probeAddress);
        } catch (AddressFormatException e) {
            assertThat(e.input()).isEqualTo(text);
        }
        try {
            check(Cidr.of(IpAddress.ofBytes(network), prefixLength), probeAddress);
        } catch (IllegalArgumentException e) {
            assertThat(e).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void check(Cidr cidr, IpAddress probe) {
        int bits = cidr.network().bytes().length * 8;
        assertThat(cidr.prefixLength()).isBetween(0, bits);
        assertThat(Cidr.parse(cidr.toString())).isEqualTo(cidr);
        assertThat(Cidr.of(cidr.network(), cidr.prefixLength())).isEqualTo(cidr);
        assertThat(cidr.contains(cidr.network())).isTrue();
        assertThat(cidr.contains(cidr.lastAddress())).isTrue();
        assertThat(cidr.contains(probe)).as("%s contains %s", cidr, probe).isEqualTo(samePrefix(cidr, probe));
        if (probe instanceof Ipv4Address v4) {
            assertThat(cidr.contains(v4.toMapped())).as("%s contains %s", cidr, v4.toMapped()).isEqualTo(samePrefix(cidr, v4.toMapped()));
        }
    }

    private static boolean samePrefix(Cidr cidr, IpAddress address) {
        byte[] a = (cidr.family() == AddressFamily.AF_INET ? address.unmapped() : address).bytes();
        byte[] n = cidr.network().bytes();
        if (a.length != n.length) {
            return false;
        }
        for (int bit = 0; bit < cidr.prefixLength(); bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
