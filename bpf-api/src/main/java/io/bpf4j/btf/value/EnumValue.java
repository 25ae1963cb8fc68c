package io.bpf4j.btf.value;

import java.util.Objects;
import java.util.Optional;

/**
 * A C enum value, held raw (as the integer of the enum's size and signedness), so that a value
 * the enum does not name, such as one from a newer kernel, is kept unchanged.
 */
public final class EnumValue implements BtfValue {
    private final ValueType.Enumerated type;
    private final long raw;
    private final EnumNames names;

    EnumValue(ValueType.Enumerated type, long raw, EnumNames names) {
        this.type = type;
        this.raw = raw;
        this.names = names;
    }

    /**
     * The value {@code raw} of {@code type}, held as its {@link ScalarKind} says (for an unsigned
     * 64-bit enum, the bits). Whether it fits is checked when it is encoded.
     *
     * @throws IllegalArgumentException when the enum is wider than 64 bits, which {@link BtfCodec} reads as an
     *     {@link IntegerValue}
     */
    public static EnumValue of(ValueType.Enumerated type, long raw) {
        Objects.requireNonNull(type, "type");
        if (type.kind().isWide()) {
            // BTF enums are at most 8 bytes; a wider one is read as a plain 128-bit integer.
            throw new IllegalArgumentException("a 16-byte enum is held as an IntegerValue");
        }
        return new EnumValue(type, raw, null);
    }

    /** The enum. */
    public ValueType.Enumerated type() {
        return type;
    }

    /** The raw value, as {@link ScalarKind} holds the enum's integer. */
    public long raw() {
        return raw;
    }

    /** The raw value as an integer of the enum's kind. */
    public IntegerValue integer() {
        return IntegerValue.of(type.kind(), raw);
    }

    /**
     * The C name of the first enumerator declared with this value (unescaped); empty for a value
     * the enum does not name.
     */
    public Optional<String> name() {
        return Optional.ofNullable(names != null ? names.name(raw) : EnumNames.scan(type, raw));
    }

    /** The raw value, as an {@link IntegerValue#javaValue()} of the enum's kind. */
    @Override
    public Object javaValue() {
        return IntegerValue.box(type.kind(), raw, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumValue that && that.raw == raw && that.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(raw) * 31 + type.btfType().id();
    }

    /** The name, or the raw value when the enum does not name it. */
    @Override
    public String toString() {
        return name().orElseGet(() -> type.kind().signed() ? Long.toString(raw) : Long.toUnsignedString(raw));
    }
}
