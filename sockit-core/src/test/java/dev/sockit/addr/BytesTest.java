package dev.sockit.addr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every {@link Bytes} method, run over each width and order, on arrays and on heap and direct buffers of both orders. */
class BytesTest {
    private static final int CAPACITY = 16;

    /** The six methods of one width and order, seen through {@code long} values. */
    record Codec(String name, int size, ByteOrder order, ArrayRead read, ArrayWrite write, BufferGet get, BufferGetAt getAt,
            BufferPut put, BufferPutAt putAt) {
        /** The bits a value of this width keeps. */
        long mask() {
            return size == 8 ? -1L : (1L << (8 * size)) - 1;
        }

        /** The value whose bytes in this codec's order are {@code 1, 2, ..., size}. */
        long sample() {
            long value = 0;
            for (int i = 1; i <= size; i++) {
                value = value << 8 | i;
            }
            return order == ByteOrder.BIG_ENDIAN ? value : Long.reverseBytes(value) >>> (64 - 8 * size);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    interface ArrayRead {
        long read(byte[] array, int offset);
    }

    interface ArrayWrite {
        void write(byte[] array, int offset, long value);
    }

    interface BufferGet {
        long get(ByteBuffer buffer);
    }

    interface BufferGetAt {
        long getAt(ByteBuffer buffer, int index);
    }

    interface BufferPut {
        void put(ByteBuffer buffer, long value);
    }

    interface BufferPutAt {
        void putAt(ByteBuffer buffer, int index, long value);
    }

    enum Kind {
        HEAP_BIG_ENDIAN, HEAP_LITTLE_ENDIAN, DIRECT_BIG_ENDIAN, DIRECT_LITTLE_ENDIAN;

        ByteBuffer allocate(int capacity) {
            ByteBuffer buffer = name().startsWith("HEAP") ? ByteBuffer.allocate(capacity) : ByteBuffer.allocateDirect(capacity);
            return buffer.order(name().endsWith("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        }
    }

    static Stream<Codec> codecs() {
        return Stream.of(
                new Codec("U16BE", 2, ByteOrder.BIG_ENDIAN, Bytes::readU16BE, (a, o, v) -> Bytes.writeU16BE(a, o, (int) v),
                        Bytes::getU16BE, Bytes::getAtU16BE, (b, v) -> Bytes.putU16BE(b, (int) v), (b, i, v) -> Bytes.putAtU16BE(b, i, (int) v)),
                new Codec("U16LE", 2, ByteOrder.LITTLE_ENDIAN, Bytes::readU16LE, (a, o, v) -> Bytes.writeU16LE(a, o, (int) v),
                        Bytes::getU16LE, Bytes::getAtU16LE, (b, v) -> Bytes.putU16LE(b, (int) v), (b, i, v) -> Bytes.putAtU16LE(b, i, (int) v)),
                new Codec("U32BE", 4, ByteOrder.BIG_ENDIAN, Bytes::readU32BE, Bytes::writeU32BE,
                        Bytes::getU32BE, Bytes::getAtU32BE, Bytes::putU32BE, Bytes::putAtU32BE),
                new Codec("U32LE", 4, ByteOrder.LITTLE_ENDIAN, Bytes::readU32LE, Bytes::writeU32LE,
                        Bytes::getU32LE, Bytes::getAtU32LE, Bytes::putU32LE, Bytes::putAtU32LE),
                new Codec("U64BE", 8, ByteOrder.BIG_ENDIAN, Bytes::readU64BE, Bytes::writeU64BE,
                        Bytes::getU64BE, Bytes::getAtU64BE, Bytes::putU64BE, Bytes::putAtU64BE),
                new Codec("U64LE", 8, ByteOrder.LITTLE_ENDIAN, Bytes::readU64LE, Bytes::writeU64LE,
                        Bytes::getU64LE, Bytes::getAtU64LE, Bytes::putU64LE, Bytes::putAtU64LE));
    }

    static Stream<Arguments> codecsOnBuffers() {
        return codecs().flatMap(codec -> Stream.of(Kind.values()).map(kind -> Arguments.of(codec, kind)));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void write_sample_storesBytesOneToSizeInItsOrder(Codec codec) {
        byte[] array = new byte[codec.size() + 2];

        codec.write().write(array, 1, codec.sample());

        assertThat(array).containsExactly(sampleBytesAt(1, codec.size(), codec.size() + 2));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void read_sampleBytes_returnsTheSample(Codec codec) {
        byte[] array = sampleBytesAt(3, codec.size(), codec.size() + 5);

        assertThat(codec.read().read(array, 3)).isEqualTo(codec.sample());
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void read_allBitsSet_returnsTheWidenedUnsignedMaximum(Codec codec) {
        byte[] array = new byte[codec.size()];
        Arrays.fill(array, (byte) 0xff);

        long value = codec.read().read(array, 0);

        assertThat(value).isEqualTo(codec.mask());
        assertThat(Long.toUnsignedString(value)).isEqualTo(switch (codec.size()) {
            case 2 -> "65535";
            case 4 -> "4294967295";
            default -> "18446744073709551615";
        });
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void writeThenRead_boundaryValues_roundTripToTheLowBits(Codec codec) {
        for (long value : boundaryValues()) {
            byte[] array = new byte[codec.size() + 1];

            codec.write().write(array, 1, value);

            assertThat(codec.read().read(array, 1)).as("0x%x", value).isEqualTo(value & codec.mask());
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void write_valueWiderThanSize_storesOnlyTheLowBits(Codec codec) {
        long wide = codec.size() == 2 ? 0xabcd0000L : 0xfedcba98_00000000L;
        byte[] narrowBytes = new byte[codec.size()];
        byte[] wideBytes = new byte[codec.size()];

        codec.write().write(narrowBytes, 0, codec.sample());
        codec.write().write(wideBytes, 0, codec.size() == 8 ? codec.sample() : wide | codec.sample());

        assertThat(wideBytes).containsExactly(narrowBytes);
    }

    @Test
    void readU64_fullUnsignedRange_keepsEvery64Bits() {
        byte[] top = {(byte) 0x80, 0, 0, 0, 0, 0, 0, 0};
        byte[] max = {-1, -1, -1, -1, -1, -1, -1, -1};

        assertThat(Long.toUnsignedString(Bytes.readU64BE(top, 0))).isEqualTo("9223372036854775808");
        assertThat(Long.toUnsignedString(Bytes.readU64LE(top, 0))).isEqualTo("128");
        assertThat(Long.toUnsignedString(Bytes.readU64BE(max, 0))).isEqualTo("18446744073709551615");
        assertThat(Bytes.readU64BE(new byte[] {0x7f, -1, -1, -1, -1, -1, -1, -1}, 0)).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void readAndWrite_valueEndingAtArrayEnd_succeed(Codec codec) {
        byte[] array = new byte[CAPACITY];
        int last = CAPACITY - codec.size();

        codec.write().write(array, last, codec.sample());

        assertThat(codec.read().read(array, last)).isEqualTo(codec.sample());
        assertThat(array).containsExactly(sampleBytesAt(last, codec.size(), CAPACITY));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void readAndWrite_offsetOutsideArray_throwIndexOutOfBoundsAndWriteNothing(Codec codec) {
        byte[] array = new byte[CAPACITY];
        int pastLast = CAPACITY - codec.size() + 1;

        for (int offset : new int[] {pastLast, -1, CAPACITY, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            String message = "Range [" + offset + ", " + offset + " + " + codec.size() + ") out of bounds for length " + CAPACITY;
            assertThatExceptionOfType(IndexOutOfBoundsException.class)
                    .isThrownBy(() -> codec.read().read(array, offset))
                    .withMessage(message);
            assertThatExceptionOfType(IndexOutOfBoundsException.class)
                    .isThrownBy(() -> codec.write().write(array, offset, -1L))
                    .withMessage(message);
        }
        assertThat(array).containsOnly(0);
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void getAndPut_atPosition_useItsOrderAndAdvanceBySize(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY).position(3);

        codec.put().put(buffer, codec.sample());

        assertThat(buffer.position()).isEqualTo(3 + codec.size());
        assertThat(contents(buffer)).containsExactly(sampleBytesAt(3, codec.size(), CAPACITY));
        buffer.position(3);
        assertThat(codec.get().get(buffer)).isEqualTo(codec.sample());
        assertThat(buffer.position()).isEqualTo(3 + codec.size());
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void getAtAndPutAt_index_countFromBufferStartAndLeavePosition(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY).position(5);

        codec.putAt().putAt(buffer, 2, codec.sample());

        assertThat(buffer.position()).isEqualTo(5);
        assertThat(contents(buffer)).containsExactly(sampleBytesAt(2, codec.size(), CAPACITY));
        assertThat(codec.getAt().getAt(buffer, 2)).isEqualTo(codec.sample());
        assertThat(buffer.position()).isEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void getAndPut_valueEndingAtLimit_succeed(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY).limit(12);
        int last = 12 - codec.size();

        codec.put().put(buffer.position(last), codec.sample());
        long value = codec.get().get(buffer.position(last));

        assertThat(value).isEqualTo(codec.sample());
        assertThat(buffer.position()).isEqualTo(12);
        assertThat(codec.getAt().getAt(buffer, last)).isEqualTo(codec.sample());
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void get_fewerBytesThanSizeBeforeLimit_throwsBufferUnderflowAndKeepsPosition(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY).limit(12);
        int pastLast = 12 - codec.size() + 1;
        buffer.position(pastLast);

        assertThatExceptionOfType(BufferUnderflowException.class).isThrownBy(() -> codec.get().get(buffer));
        assertThat(buffer.position()).isEqualTo(pastLast);
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void put_fewerBytesThanSizeBeforeLimit_throwsBufferOverflowAndWritesNothing(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY).limit(12);
        int pastLast = 12 - codec.size() + 1;
        buffer.position(pastLast);

        assertThatExceptionOfType(BufferOverflowException.class).isThrownBy(() -> codec.put().put(buffer, -1L));
        assertThat(buffer.position()).isEqualTo(pastLast);
        assertThat(contents(buffer)).containsOnly(0);
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void getAtAndPutAt_indexOutsideLimit_throwIndexOutOfBounds(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY).limit(12);

        for (int index : new int[] {12 - codec.size() + 1, -1, 12, CAPACITY, Integer.MAX_VALUE}) {
            assertThatExceptionOfType(IndexOutOfBoundsException.class).as("index %d", index)
                    .isThrownBy(() -> codec.getAt().getAt(buffer, index));
            assertThatExceptionOfType(IndexOutOfBoundsException.class).as("index %d", index)
                    .isThrownBy(() -> codec.putAt().putAt(buffer, index, -1L));
        }
        assertThat(buffer.position()).isZero();
        assertThat(contents(buffer.limit(CAPACITY))).containsOnly(0);
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void putAndPutAt_readOnlyBuffer_throwReadOnlyBufferException(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY).asReadOnlyBuffer();

        assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> codec.put().put(buffer, 1));
        assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> codec.putAt().putAt(buffer, 0, 1));
        assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> codec.put().put(buffer.position(CAPACITY), 1));
        assertThatExceptionOfType(ReadOnlyBufferException.class).isThrownBy(() -> codec.putAt().putAt(buffer, CAPACITY, 1));
        assertThat(buffer.position()).isEqualTo(CAPACITY);
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void getAndGetAt_readOnlyBuffer_read(Codec codec, Kind kind) {
        ByteBuffer writable = kind.allocate(CAPACITY);
        codec.putAt().putAt(writable, 4, codec.sample());
        ByteBuffer buffer = writable.asReadOnlyBuffer().position(4);

        assertThat(codec.getAt().getAt(buffer, 4)).isEqualTo(codec.sample());
        assertThat(codec.get().get(buffer)).isEqualTo(codec.sample());
        assertThat(buffer.position()).isEqualTo(4 + codec.size());
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void getAt_slice_countsFromTheSliceStart(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY);
        codec.putAt().putAt(buffer, 6, codec.sample());

        ByteBuffer slice = buffer.position(6).slice();

        assertThat(codec.getAt().getAt(slice, 0)).isEqualTo(codec.sample());
        assertThatExceptionOfType(IndexOutOfBoundsException.class)
                .isThrownBy(() -> codec.getAt().getAt(slice, CAPACITY - 6 - codec.size() + 1));
    }

    @ParameterizedTest
    @MethodSource("codecsOnBuffers")
    void putThenGet_boundaryValues_roundTripToTheLowBits(Codec codec, Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY);

        for (long value : boundaryValues()) {
            codec.put().put(buffer.clear(), value);
            codec.putAt().putAt(buffer, CAPACITY - codec.size(), value);

            assertThat(codec.get().get(buffer.flip())).as("0x%x", value).isEqualTo(value & codec.mask());
            assertThat(codec.getAt().getAt(buffer.clear(), CAPACITY - codec.size())).as("0x%x", value).isEqualTo(value & codec.mask());
        }
    }

    @Test
    void bigAndLittleEndian_sameValue_areByteReversals() {
        byte[] big = new byte[8];
        byte[] little = new byte[8];

        Bytes.writeU64BE(big, 0, 0x0123456789abcdefL);
        Bytes.writeU64LE(little, 0, 0x0123456789abcdefL);

        assertThat(big).containsExactly(0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef);
        assertThat(little).containsExactly(0xef, 0xcd, 0xab, 0x89, 0x67, 0x45, 0x23, 0x01);
        assertThat(Bytes.readU32BE(big, 2)).isEqualTo(0x456789abL);
        assertThat(Bytes.readU32LE(big, 2)).isEqualTo(0xab896745L);
        assertThat(Bytes.readU16BE(big, 6)).isEqualTo(0xcdef);
        assertThat(Bytes.readU16LE(big, 6)).isEqualTo(0xefcd);
    }

    private static long[] boundaryValues() {
        return new long[] {
            0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffffL, 0x80000000L, 0xffffffffL,
            0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0x0123456789abcdefL,
        };
    }

    /** An array of {@code length} zeros with {@code 1, 2, ..., size} from {@code offset}. */
    private static byte[] sampleBytesAt(int offset, int size, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < size; i++) {
            bytes[offset + i] = (byte) (i + 1);
        }
        return bytes;
    }

    /** Every byte of {@code buffer} up to its limit, read without moving it. */
    private static byte[] contents(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.limit()];
        buffer.get(0, bytes);
        return bytes;
    }
}
