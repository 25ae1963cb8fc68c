package io.bpf4j.btf.value;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import java.util.List;
import java.util.Objects;

/**
 * What a BTF type is as a value, as {@link ValueTypes} computes it: the one description of a C
 * layout that generated skeletons and {@link BtfCodec} both follow. Typedefs and qualifiers are
 * looked through; sizes are the C sizes in bytes.
 */
public sealed interface ValueType {
    /** {@code sizeof} the C type; for a bitfield, the bytes its bits touch. */
    int size();

    /** A C integer, {@code bool}, pointer or floating-point number. */
    record Scalar(ScalarKind kind) implements ValueType {
        /** Checks the kind is present. */
        public Scalar {
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public int size() {
            return kind.size();
        }
    }

    /**
     * A C enum, held as its raw integer (of the enum's size and signedness) so that a value the
     * enum does not name, such as one from a newer kernel, still reads back unchanged.
     *
     * @param btfType the enum, whose values name the integers (none when it is only declared)
     * @param kind the integer the values are held as
     */
    record Enumerated(BtfType.Enum btfType, ScalarKind kind) implements ValueType {
        /** Checks the parts are present. */
        public Enumerated {
            Objects.requireNonNull(btfType, "btfType");
            Objects.requireNonNull(kind, "kind");
        }

        @Override
        public int size() {
            return kind.size();
        }
    }

    /**
     * A bitfield member: {@code bits} bits starting {@code shift} bits into the byte at the
     * member's offset, bit 0 being the least significant bit of the lowest byte (see
     * {@link io.bpf4j.codec.BitFields}). It is held as its declared type's Java type,
     * sign-extended when that is signed.
     *
     * @param kind the declared type's kind: an integer of at most 64 bits, or {@code BOOL}
     * @param shift 0 to 7
     * @param bits 1 to 64
     * @param enumType the declared enum, for a bitfield of an enum type; else null
     */
    record BitField(ScalarKind kind, int shift, int bits, Enumerated enumType) implements ValueType {
        /** Checks the parts are present. */
        public BitField {
            Objects.requireNonNull(kind, "kind");
        }

        /** Whether the bits are sign-extended: the declared type is a signed integer. */
        public boolean signed() {
            return kind.isInteger() && kind.signed();
        }

        @Override
        public int size() {
            return (shift + bits + 7) / 8;
        }
    }

    /**
     * {@code char[length]}: text up to its first NUL, or all {@code length} bytes when it has
     * none (C needs no terminating NUL), as UTF-8.
     */
    record Text(int length) implements ValueType {
        @Override
        public int size() {
            return length;
        }
    }

    /**
     * An array of exactly {@code length} elements (at least 1); a multi-dimensional array is an
     * array of arrays.
     *
     * @param elementTypeId the element's BTF type as the array names it (typedefs not looked
     *     through), for the names generated code gives
     */
    record Array(int elementTypeId, ValueType element, int length) implements ValueType {
        /** Checks the element is present. */
        public Array {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public int size() {
            return element.size() * length;
        }
    }

    /**
     * One member of a {@link Composite}.
     *
     * @param name the C member name; "" for an anonymous struct or union member, whose own
     *     members C reaches as if they were this type's
     * @param offset the byte offset inside the owner, from BTF (never recomputed)
     * @param type how the member is held
     * @param member the BTF member
     */
    record Field(String name, int offset, ValueType type, BtfType.Member member) {
        /** Checks the parts are present. */
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(member, "member");
        }

        /** Whether this is an anonymous struct or union member. */
        public boolean anonymous() {
            return name.isEmpty();
        }
    }

    /**
     * A struct or union: its members at their BTF offsets, in declaration order. Padding,
     * explicit or not, packed or not, is exactly what the compiler laid out. A zero-length
     * (flexible) array member is not part of the fixed layout: it is listed in
     * {@link #flexibleMembers()}, not in {@link #fields()}.
     *
     * <p>Two composites are equal when they are the same type of the same {@link Btf} instance:
     * {@link ValueTypes} computes the same composite for the same type every time, and comparing
     * them member by member could take exponential time on types that share members.
     */
    final class Composite implements ValueType {
        private final Btf btf;
        private final BtfType.Composite btfType;
        private final List<Field> fields;
        private final List<BtfType.Member> flexibleMembers;

        Composite(Btf btf, BtfType.Composite btfType, List<Field> fields, List<BtfType.Member> flexibleMembers) {
            this.btf = btf;
            this.btfType = btfType;
            this.fields = List.copyOf(fields);
            this.flexibleMembers = List.copyOf(flexibleMembers);
        }

        /** The BTF type: its id, name ("" when anonymous) and kind. */
        public BtfType.Composite btfType() {
            return btfType;
        }

        /** The C name, "" for an anonymous struct or union. */
        public String name() {
            return btfType.name();
        }

        /** Whether this is a union: every member lies at offset 0, a view of the same bytes. */
        public boolean union() {
            return btfType.union();
        }

        /** The members of the fixed layout, in declaration (for structs, offset) order. */
        public List<Field> fields() {
            return fields;
        }

        /** The zero-length (flexible) array members, which follow the fixed layout in memory. */
        public List<BtfType.Member> flexibleMembers() {
            return flexibleMembers;
        }

        /** {@code sizeof} the type, trailing padding included. */
        @Override
        public int size() {
            return btfType.size();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Composite that && that.btf == btf && that.btfType.id() == btfType.id();
        }

        @Override
        public int hashCode() {
            return btfType.id();
        }

        @Override
        public String toString() {
            return "Composite[" + btfType.describe() + ", " + fields.size() + " fields]";
        }
    }
}
