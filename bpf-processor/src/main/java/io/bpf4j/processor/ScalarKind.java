package io.bpf4j.processor;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.bpf4j.codec.Int128;
import io.bpf4j.codec.Ranges;
import java.math.BigInteger;

/**
 * The Java code of each C scalar kind: its Java type and the {@link java.nio.ByteBuffer} code
 * that reads and writes it. Which C type is which kind, its size and its Java type are bpf-api's
 * rules ({@link io.bpf4j.btf.value.ScalarKind}, the ones the runtime {@code BtfCodec} follows):
 * {@code u8}/{@code u16} widen to {@code int} and {@code u32} to {@code long}, so they are never
 * negative; {@code u64} keeps its 64 bits in a {@code long}; 128-bit integers, which Java has no
 * primitive for, are {@link BigInteger}s (read and written by {@link Int128}).
 */
enum ScalarKind {
    S8(io.bpf4j.btf.value.ScalarKind.S8, "INT8", null),
    U8(io.bpf4j.btf.value.ScalarKind.U8, "UINT8", "unsigned, 0 to 255"),
    S16(io.bpf4j.btf.value.ScalarKind.S16, "INT16", null),
    U16(io.bpf4j.btf.value.ScalarKind.U16, "UINT16", "unsigned, 0 to 65535"),
    S32(io.bpf4j.btf.value.ScalarKind.S32, "INT32", null),
    U32(io.bpf4j.btf.value.ScalarKind.U32, "UINT32", "unsigned, 0 to 4294967295"),
    S64(io.bpf4j.btf.value.ScalarKind.S64, "INT64", null),
    U64(io.bpf4j.btf.value.ScalarKind.U64, "UINT64", "unsigned: all 64 bits, see Long.toUnsignedString"),
    BOOL(io.bpf4j.btf.value.ScalarKind.BOOL, "BOOL", null),
    /** A pointer: the address as the kernel saw it, meaningful to user space only as a number. */
    POINTER(io.bpf4j.btf.value.ScalarKind.POINTER, "UINT64", "a kernel address"),
    F32(io.bpf4j.btf.value.ScalarKind.F32, null, null),
    F64(io.bpf4j.btf.value.ScalarKind.F64, null, null),
    S128(io.bpf4j.btf.value.ScalarKind.S128, null, "a signed 128-bit integer, -2^127 to 2^127 - 1"),
    U128(io.bpf4j.btf.value.ScalarKind.U128, null, "unsigned, 0 to 2^128 - 1");

    private final io.bpf4j.btf.value.ScalarKind kind;
    private final TypeName type;
    private final String codecConstant;
    private final String note;

    ScalarKind(io.bpf4j.btf.value.ScalarKind kind, String codecConstant, String note) {
        this.kind = kind;
        this.type = TypeName.get(kind.javaType());
        this.codecConstant = codecConstant;
        this.note = note;
    }

    /** The code of bpf-api's {@code kind}. */
    static ScalarKind of(io.bpf4j.btf.value.ScalarKind kind) {
        return valueOf(kind.name());
    }

    /** The Java type of a value. */
    TypeName type() {
        return type;
    }

    /** The C size in bytes. */
    int size() {
        return kind.size();
    }

    /** The {@code io.bpf4j.codec.Codecs} constant for this scalar, or null when there is none. */
    String codecConstant() {
        return codecConstant;
    }

    /**
     * An expression reading the value at {@code index} of {@code buffer}. JDK classes are named
     * with {@code $T}, never spelled: a C type called {@code Integer} may shadow the simple name.
     */
    CodeBlock read(CodeBlock buffer, CodeBlock index) {
        return switch (this) {
            case S8 -> CodeBlock.of("$L.get($L)", buffer, index);
            case U8 -> CodeBlock.of("$T.toUnsignedInt($L.get($L))", Byte.class, buffer, index);
            case S16 -> CodeBlock.of("$L.getShort($L)", buffer, index);
            case U16 -> CodeBlock.of("$T.toUnsignedInt($L.getShort($L))", Short.class, buffer, index);
            case S32 -> CodeBlock.of("$L.getInt($L)", buffer, index);
            case U32 -> CodeBlock.of("$T.toUnsignedLong($L.getInt($L))", Integer.class, buffer, index);
            case S64, U64, POINTER -> CodeBlock.of("$L.getLong($L)", buffer, index);
            case BOOL -> CodeBlock.of("$L.get($L) != 0", buffer, index);
            case F32 -> CodeBlock.of("$L.getFloat($L)", buffer, index);
            case F64 -> CodeBlock.of("$L.getDouble($L)", buffer, index);
            case S128 -> CodeBlock.of("$T.get($L, $L, true)", Int128.class, buffer, index);
            case U128 -> CodeBlock.of("$T.get($L, $L, false)", Int128.class, buffer, index);
        };
    }

    /**
     * A statement (without the semicolon) writing {@code value} at {@code index} of {@code buffer}.
     * A value narrowed to a C integer ({@code u8}/{@code u16} from {@code int}, {@code u32} from
     * {@code long}, 128-bit integers from {@code BigInteger}) is range-checked first: out of range
     * is an {@link IllegalArgumentException} naming {@code field}, never a silent truncation.
     *
     * @param field the string literal naming the C field in that message
     */
    CodeBlock write(CodeBlock buffer, CodeBlock index, CodeBlock value, CodeBlock field) {
        return switch (this) {
            case S8 -> CodeBlock.of("$L.put($L, $L)", buffer, index, value);
            case U8 -> CodeBlock.of("$L.put($L, (byte) $T.u8($L, $L))", buffer, index, Ranges.class, value, field);
            case S16 -> CodeBlock.of("$L.putShort($L, $L)", buffer, index, value);
            case U16 -> CodeBlock.of("$L.putShort($L, (short) $T.u16($L, $L))", buffer, index, Ranges.class, value,
                    field);
            case S32 -> CodeBlock.of("$L.putInt($L, $L)", buffer, index, value);
            case U32 -> CodeBlock.of("$L.putInt($L, (int) $T.u32($L, $L))", buffer, index, Ranges.class, value,
                    field);
            case S64, U64, POINTER -> CodeBlock.of("$L.putLong($L, $L)", buffer, index, value);
            case BOOL -> CodeBlock.of("$L.put($L, (byte) ($L ? 1 : 0))", buffer, index, value);
            case F32 -> CodeBlock.of("$L.putFloat($L, $L)", buffer, index, value);
            case F64 -> CodeBlock.of("$L.putDouble($L, $L)", buffer, index, value);
            case S128 -> CodeBlock.of("$T.put($L, $L, $T.int128($L, true, $L))", Int128.class, buffer, index,
                    Ranges.class, value, field);
            case U128 -> CodeBlock.of("$T.put($L, $L, $T.int128($L, false, $L))", Int128.class, buffer, index,
                    Ranges.class, value, field);
        };
    }

    /** Whether this is a 128-bit integer, held as a {@link BigInteger} rather than a primitive. */
    boolean isWide() {
        return kind.isWide();
    }

    /** What a reader of the Javadoc must know about the Java value (its range), or null. */
    String note() {
        return note;
    }
}
