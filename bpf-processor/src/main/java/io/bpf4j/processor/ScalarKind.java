package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.bpf4j.codec.Int128;
import java.math.BigInteger;

/**
 * The C scalars a skeleton can hold, each with its Java type and the {@link java.nio.ByteBuffer}
 * code that reads and writes it. The unsigned rules are those of {@code io.bpf4j.codec.Codecs}:
 * {@code u8}/{@code u16} widen to {@code int} and {@code u32} to {@code long}, so they are never
 * negative; {@code u64} keeps its 64 bits in a {@code long}; 128-bit integers, which Java has no
 * primitive for, are {@link BigInteger}s (read and written by {@link Int128}).
 */
enum ScalarKind {
    S8(TypeName.BYTE, 1, "INT8", "$L.get($L)", "$L.put($L, $L)", null),
    U8(TypeName.INT, 1, "UINT8", "Byte.toUnsignedInt($L.get($L))", "$L.put($L, (byte) $L)",
            "unsigned, 0 to 255"),
    S16(TypeName.SHORT, 2, "INT16", "$L.getShort($L)", "$L.putShort($L, $L)", null),
    U16(TypeName.INT, 2, "UINT16", "Short.toUnsignedInt($L.getShort($L))", "$L.putShort($L, (short) $L)",
            "unsigned, 0 to 65535"),
    S32(TypeName.INT, 4, "INT32", "$L.getInt($L)", "$L.putInt($L, $L)", null),
    U32(TypeName.LONG, 4, "UINT32", "Integer.toUnsignedLong($L.getInt($L))", "$L.putInt($L, (int) $L)",
            "unsigned, 0 to 4294967295"),
    S64(TypeName.LONG, 8, "INT64", "$L.getLong($L)", "$L.putLong($L, $L)", null),
    U64(TypeName.LONG, 8, "UINT64", "$L.getLong($L)", "$L.putLong($L, $L)",
            "unsigned: all 64 bits, see Long.toUnsignedString"),
    BOOL(TypeName.BOOLEAN, 1, "BOOL", "$L.get($L) != 0", "$L.put($L, (byte) ($L ? 1 : 0))", null),
    /** A pointer: the address as the kernel saw it, meaningful to user space only as a number. */
    POINTER(TypeName.LONG, 8, "UINT64", "$L.getLong($L)", "$L.putLong($L, $L)", "a kernel address"),
    F32(TypeName.FLOAT, 4, null, "$L.getFloat($L)", "$L.putFloat($L, $L)", null),
    F64(TypeName.DOUBLE, 8, null, "$L.getDouble($L)", "$L.putDouble($L, $L)", null),
    S128(ClassName.get(BigInteger.class), 16, null, "$T.get($L, $L, true)", "$T.put($L, $L, $L)",
            "a signed 128-bit integer"),
    U128(ClassName.get(BigInteger.class), 16, null, "$T.get($L, $L, false)", "$T.put($L, $L, $L)",
            "unsigned, 0 to 2^128 - 1; writes keep the low 128 bits");

    private final TypeName type;
    private final int size;
    private final String codecConstant;
    private final String readFormat;
    private final String writeFormat;
    private final String note;

    ScalarKind(TypeName type, int size, String codecConstant, String readFormat, String writeFormat, String note) {
        this.type = type;
        this.size = size;
        this.codecConstant = codecConstant;
        this.readFormat = readFormat;
        this.writeFormat = writeFormat;
        this.note = note;
    }

    /** The Java type of a value. */
    TypeName type() {
        return type;
    }

    /** The C size in bytes. */
    int size() {
        return size;
    }

    /** The {@code io.bpf4j.codec.Codecs} constant for this scalar, or null when there is none. */
    String codecConstant() {
        return codecConstant;
    }

    /** An expression reading the value at {@code index} of {@code buffer}. */
    CodeBlock read(CodeBlock buffer, CodeBlock index) {
        return isWide() ? CodeBlock.of(readFormat, Int128.class, buffer, index) : CodeBlock.of(readFormat, buffer, index);
    }

    /** A statement (without the semicolon) writing {@code value} at {@code index} of {@code buffer}. */
    CodeBlock write(CodeBlock buffer, CodeBlock index, CodeBlock value) {
        return isWide()
                ? CodeBlock.of(writeFormat, Int128.class, buffer, index, value)
                : CodeBlock.of(writeFormat, buffer, index, value);
    }

    /** Whether this is a 128-bit integer, held as a {@link BigInteger} rather than a primitive. */
    boolean isWide() {
        return this == S128 || this == U128;
    }

    /** What a reader of the Javadoc must know about the Java value (its range), or null. */
    String note() {
        return note;
    }

    /** The kind of a C integer of {@code size} bytes; null for sizes Java has no primitive for. */
    static ScalarKind integer(int size, boolean signed) {
        return switch (size) {
            case 1 -> signed ? S8 : U8;
            case 2 -> signed ? S16 : U16;
            case 4 -> signed ? S32 : U32;
            case 8 -> signed ? S64 : U64;
            case 16 -> signed ? S128 : U128;
            default -> null;
        };
    }
}
