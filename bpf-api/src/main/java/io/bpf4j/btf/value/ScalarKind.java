package io.bpf4j.btf.value;

import java.math.BigInteger;

/**
 * The C scalars a value can be, each with the Java type that holds it. Integers keep their width
 * when signed and widen when unsigned, so they are never negative: {@code u8}/{@code u16} are held
 * as {@code int}, {@code u32} as {@code long}; {@code u64} keeps its 64 bits in a {@code long}
 * (read it with {@link Long#toUnsignedString(long)}); 128-bit integers, which Java has no
 * primitive for, are {@link BigInteger}s. These are the types of generated records' components
 * and of {@link IntegerValue#javaValue()}.
 */
public enum ScalarKind {
    /** {@code s8}, a {@code byte}. */
    S8(1, true, byte.class),
    /** {@code u8}, an {@code int} from 0 to 255. */
    U8(1, false, int.class),
    /** {@code s16}, a {@code short}. */
    S16(2, true, short.class),
    /** {@code u16}, an {@code int} from 0 to 65535. */
    U16(2, false, int.class),
    /** {@code s32}, an {@code int}. */
    S32(4, true, int.class),
    /** {@code u32}, a {@code long} from 0 to 4294967295. */
    U32(4, false, long.class),
    /** {@code s64}, a {@code long}. */
    S64(8, true, long.class),
    /** {@code u64}, a {@code long} holding the 64 bits. */
    U64(8, false, long.class),
    /** C {@code bool}: one byte, non-zero is true. */
    BOOL(1, false, boolean.class),
    /** A pointer: the address as the kernel saw it, in a {@code long}, meaningful to user space only as a number. */
    POINTER(8, false, long.class),
    /** {@code float}. */
    F32(4, true, float.class),
    /** {@code double}. */
    F64(8, true, double.class),
    /** {@code __int128}, a {@link BigInteger}. */
    S128(16, true, BigInteger.class),
    /** {@code unsigned __int128}, a {@link BigInteger} from 0 to 2^128 - 1. */
    U128(16, false, BigInteger.class);

    private final int size;
    private final boolean signed;
    private final Class<?> javaType;

    ScalarKind(int size, boolean signed, Class<?> javaType) {
        this.size = size;
        this.signed = signed;
        this.javaType = javaType;
    }

    /** The C size in bytes. */
    public int size() {
        return size;
    }

    /** Whether the C type is signed (floating-point numbers are). */
    public boolean signed() {
        return signed;
    }

    /** The Java type holding a value: a primitive class, or {@link BigInteger} for 128-bit integers. */
    public Class<?> javaType() {
        return javaType;
    }

    /** Whether this is an integer (pointers included; {@code bool} and floating-point numbers are not). */
    public boolean isInteger() {
        return this != BOOL && this != F32 && this != F64;
    }

    /** Whether this is a 128-bit integer, held as a {@link BigInteger} rather than a primitive. */
    public boolean isWide() {
        return this == S128 || this == U128;
    }

    /** The kind of a C integer of {@code size} bytes; null for sizes no kind has. */
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
