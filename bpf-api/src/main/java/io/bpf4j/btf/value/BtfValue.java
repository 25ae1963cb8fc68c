package io.bpf4j.btf.value;

/**
 * A C value decoded by a {@link BtfCodec}, or built to be encoded by one: a tree whose inner
 * nodes are {@link StructValue}s (structs and unions, members in declaration order with their C
 * names) and {@link ArrayValue}s, and whose leaves are {@link IntegerValue}s (with their
 * signedness: {@code u64} is unsigned), {@link EnumValue}s (raw, with the enumerator's name when
 * the enum has one), {@link BoolValue}s, {@link FloatValue}s and {@link TextValue}s
 * ({@code char[N]}, with its raw bytes). A serialiser walks it with {@code instanceof}; a table
 * flattens it with {@link StructValue#flatten()}.
 *
 * <p>Values are immutable. Their {@code toString()} is for debugging: it holds the object's
 * text unescaped.
 */
public sealed interface BtfValue permits IntegerValue, EnumValue, BoolValue, FloatValue, TextValue, ArrayValue,
        StructValue {
    /**
     * The value as the Java type generated code holds it: {@code Byte}, {@code Short},
     * {@code Integer}, {@code Long} or {@code BigInteger} for integers (by {@link
     * ScalarKind#javaType()}), the raw integer for an enum, {@code Boolean}, {@code Float},
     * {@code Double}, {@code String} for text; for arrays and structs, a {@code List} of their
     * elements' or members' Java values.
     */
    Object javaValue();
}
