package dev.sockit.addr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;

/**
 * Reads and writes unsigned 16-, 32- and 64-bit values in an explicit byte order, on
 * {@code byte[]} and on {@link ByteBuffer}, whatever order the buffer is set to.
 *
 * <p>Names say size and order: {@code readU16BE}, {@code putU32LE}. Values are widened: u16 in
 * an {@code int} ({@code 0..0xffff}), u32 in a {@code long} ({@code 0..0xffffffff}); a u64 is
 * returned as the {@code long} with the same 64 bits (read it with
 * {@link Long#toUnsignedString(long)}). Writes use the low bits of the value, as C's conversion
 * does.
 *
 * <p>{@code byte[]} methods throw {@link IndexOutOfBoundsException} unless the value lies wholly
 * inside the array, as {@link Objects#checkFromIndexSize}{@code (offset, size, array.length)}
 * checks. Buffer methods check as the buffer's own {@code getInt}/{@code putInt} do:
 * <ul>
 *   <li>the relative ones ({@code get}/{@code put}) use the position and advance it; with fewer
 *       bytes than the value's size left before the limit they throw
 *       {@link BufferUnderflowException} or {@link BufferOverflowException} and leave the position
 *       where it was;
 *   <li>the absolute ones ({@code getAt}/{@code putAt}) take an index from the buffer's start,
 *       leave the position alone, and throw {@link IndexOutOfBoundsException} unless the value
 *       lies wholly below the limit;
 *   <li>a write to a read-only buffer throws {@link ReadOnlyBufferException}, before any bounds
 *       check.
 * </ul>
 */
public final class Bytes {
    private static final VarHandle U16_BE_ARRAY = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U16_BE_BUFFER = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U16_LE_ARRAY = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U16_LE_BUFFER = MethodHandles.byteBufferViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U32_BE_ARRAY = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U32_BE_BUFFER = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U32_LE_ARRAY = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U32_LE_BUFFER = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U64_BE_ARRAY = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U64_BE_BUFFER = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle U64_LE_ARRAY = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle U64_LE_BUFFER = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Bytes() {
    }

    /** Reads a 16-bit big-endian value at {@code offset}. */
    public static int readU16BE(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, 2, array.length);
        return Short.toUnsignedInt((short) U16_BE_ARRAY.get(array, offset));
    }

    /** Writes the low 16 bits of {@code value} big-endian at {@code offset}. */
    public static void writeU16BE(byte[] array, int offset, int value) {
        Objects.checkFromIndexSize(offset, 2, array.length);
        U16_BE_ARRAY.set(array, offset, (short) value);
    }

    /** Reads a 16-bit big-endian value at the buffer's position and advances it by 2. */
    public static int getU16BE(ByteBuffer buffer) {
        int at = readPosition(buffer, 2);
        int value = getAtU16BE(buffer, at);
        buffer.position(at + 2);
        return value;
    }

    /** Reads a 16-bit big-endian value at {@code index}; the position does not move. */
    public static int getAtU16BE(ByteBuffer buffer, int index) {
        return Short.toUnsignedInt((short) U16_BE_BUFFER.get(buffer, index));
    }

    /** Writes the low 16 bits of {@code value} big-endian at the buffer's position and advances it by 2. */
    public static void putU16BE(ByteBuffer buffer, int value) {
        int at = writePosition(buffer, 2);
        putAtU16BE(buffer, at, value);
        buffer.position(at + 2);
    }

    /** Writes the low 16 bits of {@code value} big-endian at {@code index}; the position does not move. */
    public static void putAtU16BE(ByteBuffer buffer, int index, int value) {
        U16_BE_BUFFER.set(buffer, index, (short) value);
    }

    /** Reads a 16-bit little-endian value at {@code offset}. */
    public static int readU16LE(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, 2, array.length);
        return Short.toUnsignedInt((short) U16_LE_ARRAY.get(array, offset));
    }

    /** Writes the low 16 bits of {@code value} little-endian at {@code offset}. */
    public static void writeU16LE(byte[] array, int offset, int value) {
        Objects.checkFromIndexSize(offset, 2, array.length);
        U16_LE_ARRAY.set(array, offset, (short) value);
    }

    /** Reads a 16-bit little-endian value at the buffer's position and advances it by 2. */
    public static int getU16LE(ByteBuffer buffer) {
        int at = readPosition(buffer, 2);
        int value = getAtU16LE(buffer, at);
        buffer.position(at + 2);
        return value;
    }

    /** Reads a 16-bit little-endian value at {@code index}; the position does not move. */
    public static int getAtU16LE(ByteBuffer buffer, int index) {
        return Short.toUnsignedInt((short) U16_LE_BUFFER.get(buffer, index));
    }

    /** Writes the low 16 bits of {@code value} little-endian at the buffer's position and advances it by 2. */
    public static void putU16LE(ByteBuffer buffer, int value) {
        int at = writePosition(buffer, 2);
        putAtU16LE(buffer, at, value);
        buffer.position(at + 2);
    }

    /** Writes the low 16 bits of {@code value} little-endian at {@code index}; the position does not move. */
    public static void putAtU16LE(ByteBuffer buffer, int index, int value) {
        U16_LE_BUFFER.set(buffer, index, (short) value);
    }

    /** Reads a 32-bit big-endian value at {@code offset}. */
    public static long readU32BE(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, 4, array.length);
        return Integer.toUnsignedLong((int) U32_BE_ARRAY.get(array, offset));
    }

    /** Writes the low 32 bits of {@code value} big-endian at {@code offset}. */
    public static void writeU32BE(byte[] array, int offset, long value) {
        Objects.checkFromIndexSize(offset, 4, array.length);
        U32_BE_ARRAY.set(array, offset, (int) value);
    }

    /** Reads a 32-bit big-endian value at the buffer's position and advances it by 4. */
    public static long getU32BE(ByteBuffer buffer) {
        int at = readPosition(buffer, 4);
        long value = getAtU32BE(buffer, at);
        buffer.position(at + 4);
        return value;
    }

    /** Reads a 32-bit big-endian value at {@code index}; the position does not move. */
    public static long getAtU32BE(ByteBuffer buffer, int index) {
        return Integer.toUnsignedLong((int) U32_BE_BUFFER.get(buffer, index));
    }

    /** Writes the low 32 bits of {@code value} big-endian at the buffer's position and advances it by 4. */
    public static void putU32BE(ByteBuffer buffer, long value) {
        int at = writePosition(buffer, 4);
        putAtU32BE(buffer, at, value);
        buffer.position(at + 4);
    }

    /** Writes the low 32 bits of {@code value} big-endian at {@code index}; the position does not move. */
    public static void putAtU32BE(ByteBuffer buffer, int index, long value) {
        U32_BE_BUFFER.set(buffer, index, (int) value);
    }

    /** Reads a 32-bit little-endian value at {@code offset}. */
    public static long readU32LE(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, 4, array.length);
        return Integer.toUnsignedLong((int) U32_LE_ARRAY.get(array, offset));
    }

    /** Writes the low 32 bits of {@code value} little-endian at {@code offset}. */
    public static void writeU32LE(byte[] array, int offset, long value) {
        Objects.checkFromIndexSize(offset, 4, array.length);
        U32_LE_ARRAY.set(array, offset, (int) value);
    }

    /** Reads a 32-bit little-endian value at the buffer's position and advances it by 4. */
    public static long getU32LE(ByteBuffer buffer) {
        int at = readPosition(buffer, 4);
        long value = getAtU32LE(buffer, at);
        buffer.position(at + 4);
        return value;
    }

    /** Reads a 32-bit little-endian value at {@code index}; the position does not move. */
    public static long getAtU32LE(ByteBuffer buffer, int index) {
        return Integer.toUnsignedLong((int) U32_LE_BUFFER.get(buffer, index));
    }

    /** Writes the low 32 bits of {@code value} little-endian at the buffer's position and advances it by 4. */
    public static void putU32LE(ByteBuffer buffer, long value) {
        int at = writePosition(buffer, 4);
        putAtU32LE(buffer, at, value);
        buffer.position(at + 4);
    }

    /** Writes the low 32 bits of {@code value} little-endian at {@code index}; the position does not move. */
    public static void putAtU32LE(ByteBuffer buffer, int index, long value) {
        U32_LE_BUFFER.set(buffer, index, (int) value);
    }

    /** Reads a 64-bit big-endian value at {@code offset}. */
    public static long readU64BE(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, 8, array.length);
        return (long) U64_BE_ARRAY.get(array, offset);
    }

    /** Writes the low 64 bits of {@code value} big-endian at {@code offset}. */
    public static void writeU64BE(byte[] array, int offset, long value) {
        Objects.checkFromIndexSize(offset, 8, array.length);
        U64_BE_ARRAY.set(array, offset, value);
    }

    /** Reads a 64-bit big-endian value at the buffer's position and advances it by 8. */
    public static long getU64BE(ByteBuffer buffer) {
        int at = readPosition(buffer, 8);
        long value = getAtU64BE(buffer, at);
        buffer.position(at + 8);
        return value;
    }

    /** Reads a 64-bit big-endian value at {@code index}; the position does not move. */
    public static long getAtU64BE(ByteBuffer buffer, int index) {
        return (long) U64_BE_BUFFER.get(buffer, index);
    }

    /** Writes the low 64 bits of {@code value} big-endian at the buffer's position and advances it by 8. */
    public static void putU64BE(ByteBuffer buffer, long value) {
        int at = writePosition(buffer, 8);
        putAtU64BE(buffer, at, value);
        buffer.position(at + 8);
    }

    /** Writes the low 64 bits of {@code value} big-endian at {@code index}; the position does not move. */
    public static void putAtU64BE(ByteBuffer buffer, int index, long value) {
        U64_BE_BUFFER.set(buffer, index, value);
    }

    /** Reads a 64-bit little-endian value at {@code offset}. */
    public static long readU64LE(byte[] array, int offset) {
        Objects.checkFromIndexSize(offset, 8, array.length);
        return (long) U64_LE_ARRAY.get(array, offset);
    }

    /** Writes the low 64 bits of {@code value} little-endian at {@code offset}. */
    public static void writeU64LE(byte[] array, int offset, long value) {
        Objects.checkFromIndexSize(offset, 8, array.length);
        U64_LE_ARRAY.set(array, offset, value);
    }

    /** Reads a 64-bit little-endian value at the buffer's position and advances it by 8. */
    public static long getU64LE(ByteBuffer buffer) {
        int at = readPosition(buffer, 8);
        long value = getAtU64LE(buffer, at);
        buffer.position(at + 8);
        return value;
    }

    /** Reads a 64-bit little-endian value at {@code index}; the position does not move. */
    public static long getAtU64LE(ByteBuffer buffer, int index) {
        return (long) U64_LE_BUFFER.get(buffer, index);
    }

    /** Writes the low 64 bits of {@code value} little-endian at the buffer's position and advances it by 8. */
    public static void putU64LE(ByteBuffer buffer, long value) {
        int at = writePosition(buffer, 8);
        putAtU64LE(buffer, at, value);
        buffer.position(at + 8);
    }

    /** Writes the low 64 bits of {@code value} little-endian at {@code index}; the position does not move. */
    public static void putAtU64LE(ByteBuffer buffer, int index, long value) {
        U64_LE_BUFFER.set(buffer, index, value);
    }

    /** The position of a relative read of {@code size} bytes, checked as {@link ByteBuffer#getInt()} checks it. */
    private static int readPosition(ByteBuffer buffer, int size) {
        int position = buffer.position();
        if (buffer.limit() - position < size) {
            throw new BufferUnderflowException();
        }
        return position;
    }

    /** The position of a relative write of {@code size} bytes, checked as {@link ByteBuffer#putInt(int)} checks it. */
    private static int writePosition(ByteBuffer buffer, int size) {
        if (buffer.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        int position = buffer.position();
        if (buffer.limit() - position < size) {
            throw new BufferOverflowException();
        }
        return position;
    }
}
