package dev.sockit.addr;

import static dev.sockit.addr.NetOrder.htonl;
import static dev.sockit.addr.NetOrder.htons;
import static dev.sockit.addr.NetOrder.ntohl;
import static dev.sockit.addr.NetOrder.ntohs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sockit.addr.Inet4Oracle.Mismatch;
import dev.sockit.addr.Inet4Oracle.Query;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NetOrderTest {
    private static final long[] U32_SAMPLES = {
        0, 1, 0xff, 0x100, 0xffff, 0x10000, 0x12345678L, 0x7fffffffL, 0x80000000L, 0xdeadbeefL, 0xfffffffeL, 0xffffffffL,
    };

    @Test
    void htons_littleEndianHost_swapsTheTwoBytes() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "x86-64 and other little-endian hosts");

        assertThat(htons(0x1234)).isEqualTo(0x3412);
        assertThat(htons(0x00ff)).isEqualTo(0xff00);
        assertThat(ntohs(0x3412)).isEqualTo(0x1234);
    }

    @Test
    void htonl_littleEndianHost_reversesTheFourBytes() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "x86-64 and other little-endian hosts");

        assertThat(htonl(1)).isEqualTo(0x01000000L);
        assertThat(htonl(0x12345678L)).isEqualTo(0x78563412L);
        assertThat(htonl(0x000000ffL)).isEqualTo(0xff000000L);
        assertThat(ntohl(0x0100007fL)).isEqualTo(0x7f000001L);
    }

    @Test
    void htonl_anyHost_isTheNetworkOrderBytesReadNatively() {
        for (long value : U32_SAMPLES) {
            ByteBuffer bigEndian = ByteBuffer.allocate(4).putInt(0, (int) value);

            assertThat(htonl(value)).isEqualTo(Integer.toUnsignedLong(bigEndian.order(ByteOrder.nativeOrder()).getInt(0)));
        }
    }

    @Test
    void htons_argumentWiderThan16Bits_usesTheLow16() {
        assertThat(htons(0x12345)).isEqualTo(htons(0x2345));
        assertThat(htons(-1)).isEqualTo(0xffff);
        assertThat(htons(0xffff0000)).isZero();
        assertThat(ntohs(0x7fff_1234)).isEqualTo(ntohs(0x1234));
    }

    @Test
    void htonl_argumentWiderThan32Bits_usesTheLow32() {
        assertThat(htonl(0x1_0000_0001L)).isEqualTo(htonl(1));
        assertThat(htonl(-1L)).isEqualTo(0xffffffffL);
        assertThat(htonl(0xffffffff_00000000L)).isZero();
        assertThat(ntohl(Long.MIN_VALUE | 0x12345678L)).isEqualTo(ntohl(0x12345678L));
    }

    @Test
    void htonsAndNtohs_every16BitValue_roundTripWithinRange() {
        for (int value = 0; value <= 0xffff; value++) {
            assertThat(htons(value)).isBetween(0, 0xffff);
            assertThat(ntohs(htons(value))).isEqualTo(value);
            assertThat(htons(ntohs(value))).isEqualTo(value);
        }
    }

    @Test
    void htonlAndNtohl_sampled32BitValues_roundTripWithinRange() {
        SplittableRandom random = new SplittableRandom(0x5eed);
        List<Long> values = new ArrayList<>();
        for (long value : U32_SAMPLES) {
            values.add(value);
        }
        for (int i = 0; i < 100_000; i++) {
            values.add(random.nextLong(0x1_0000_0000L));
        }

        for (long value : values) {
            assertThat(htonl(value)).isBetween(0L, 0xffffffffL);
            assertThat(ntohl(htonl(value))).isEqualTo(value);
            assertThat(htonl(ntohl(value))).isEqualTo(value);
        }
    }

    @Test
    void byteOrderFunctions_every16BitAndSampled32BitValue_matchGlibc() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (int value = 0; value <= 0xffff; value++) {
            queries.add(Query.numeric("htons", value));
            queries.add(Query.numeric("ntohs", value));
        }
        SplittableRandom random = new SplittableRandom(0x5eed);
        for (int i = 0; i < 10_000; i++) {
            long value = i < U32_SAMPLES.length ? U32_SAMPLES[i] : random.nextLong();
            queries.add(Query.numeric("htonl", value));
            queries.add(Query.numeric("ntohl", value));
            queries.add(Query.numeric("htons", value));
        }

        List<Mismatch> mismatches = Inet4Oracle.mismatches(queries);

        assertThat(mismatches.size()).as(Inet4Oracle.report(mismatches)).isZero();
    }
}
