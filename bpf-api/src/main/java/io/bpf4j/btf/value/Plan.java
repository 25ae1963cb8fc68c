package io.bpf4j.btf.value;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * How {@link BtfCodec} reads and writes one {@link ValueType}, worked out once per type: a tree
 * of plans with the offsets, widths and checks of each member precomputed, so that decoding
 * allocates only the value and encoding nothing.
 */
abstract class Plan {
    private final ValueType type;

    Plan(ValueType type) {
        this.type = type;
    }

    /** The type planned. */
    ValueType type() {
        return type;
    }

    /** {@code sizeof} the type. */
    final int size() {
        return type.size();
    }

    /** Reads the value at {@code offset}. */
    abstract BtfValue decode(ByteBuffer buffer, int offset);

    /**
     * Writes {@code value} at {@code offset}.
     *
     * @param field what the range checks' and type checks' messages call the value
     * @throws IllegalArgumentException when the value is not of this type, or out of its range
     */
    abstract void encode(BtfValue value, ByteBuffer buffer, int offset, String field);

    /** The plan of {@code type}; composites are planned once each, so shared members cost nothing more. */
    static Plan of(ValueType type) {
        return of(type, new HashMap<>());
    }

    static Plan of(ValueType type, Map<ValueType.Composite, Plan> composites) {
        if (type instanceof ValueType.Scalar scalar) {
            return scalar.kind().isWide() ? new WidePlan(scalar, scalar.kind()) : new ScalarPlan(scalar, scalar.kind());
        } else if (type instanceof ValueType.Enumerated enumerated) {
            return enumerated.kind().isWide()
                    ? new WidePlan(enumerated, enumerated.kind())
                    : new EnumPlan(enumerated);
        } else if (type instanceof ValueType.BitField bits) {
            return new BitFieldPlan(bits);
        } else if (type instanceof ValueType.Text text) {
            return new TextPlan(text);
        } else if (type instanceof ValueType.Array array) {
            return new ArrayPlan(array, of(array.element(), composites));
        }
        ValueType.Composite composite = (ValueType.Composite) type;
        Plan done = composites.get(composite);
        if (done != null) {
            return done;
        }
        CompositePlan plan = composite.union() ? new UnionPlan(composite) : new StructPlan(composite);
        // Registered before its members are planned; BTF has no type containing itself by value.
        composites.put(composite, plan);
        plan.planMembers(composites);
        return plan;
    }

    /** The message of a value of the wrong kind. */
    static IllegalArgumentException wrongValue(String field, String expected, BtfValue value) {
        String kind = value == null ? "null" : value.getClass().getSimpleName();
        return new IllegalArgumentException(field + ": " + expected + " is needed, not "
                + (value == null ? "null" : ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind));
    }
}
