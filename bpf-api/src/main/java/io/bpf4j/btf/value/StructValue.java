package io.bpf4j.btf.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A C struct or union: its members in declaration order, with their C names ("" for an anonymous
 * struct or union member, whose own members C reaches as if they were this type's). A decoded
 * struct holds its integer, enum, {@code bool} and floating-point members as words and makes
 * their values when asked ({@link #get}); a union holds its bytes, and decodes a member from them
 * when asked: which member is meaningful is the C program's business.
 */
public final class StructValue implements BtfValue {
    private final ValueType.Composite type;
    private final CompositePlan plan;
    private final long[] words;
    private final BtfValue[] references;
    private final byte[] bytes;

    StructValue(ValueType.Composite type, CompositePlan plan, long[] words, BtfValue[] references, byte[] bytes) {
        this.type = type;
        this.plan = plan;
        this.words = words;
        this.references = references;
        this.bytes = bytes;
    }

    /**
     * A struct of {@code type} holding {@code fields}, one per member of {@code type.fields()}, in
     * order. Their kinds and ranges are checked when it is encoded, as generated records are.
     *
     * @throws IllegalArgumentException when {@code type} is a union (see {@link #ofUnionMember}),
     *     or the number of fields is not the number of members
     */
    public static StructValue of(ValueType.Composite type, List<? extends BtfValue> fields) {
        Objects.requireNonNull(type, "type");
        if (type.union()) {
            throw new IllegalArgumentException("a union is made from one member (ofUnionMember) or its bytes "
                    + "(ofUnionBytes)");
        }
        BtfValue[] copy = fields.toArray(new BtfValue[0]);
        if (copy.length != type.fields().size()) {
            throw new IllegalArgumentException("the struct has " + type.fields().size() + " members, not "
                    + copy.length);
        }
        for (BtfValue field : copy) {
            Objects.requireNonNull(field, "field");
        }
        return new StructValue(type, null, null, copy, null);
    }

    /**
     * The union of {@code type} holding {@code value} as its member {@code index}, the bytes past
     * it zero (as the generated {@code ofMember} factories make it).
     *
     * @throws IllegalArgumentException when {@code type} is not a union, or {@code value} is not a
     *     value of the member's type or out of its range
     */
    public static StructValue ofUnionMember(ValueType.Composite type, int index, BtfValue value) {
        UnionPlan plan = unionPlan(type);
        Objects.checkIndex(index, type.fields().size());
        return new StructValue(type, plan, null, null, plan.bytesOf(index, value));
    }

    /**
     * The union of {@code type} holding {@code bytes}, exactly {@code type.size()} of them (copied),
     * in native byte order.
     */
    public static StructValue ofUnionBytes(ValueType.Composite type, byte[] bytes) {
        UnionPlan plan = unionPlan(type);
        if (bytes.length != type.size()) {
            throw new IllegalArgumentException("the union has " + type.size() + " bytes, not " + bytes.length);
        }
        return new StructValue(type, plan, null, null, bytes.clone());
    }

    private static UnionPlan unionPlan(ValueType.Composite type) {
        Objects.requireNonNull(type, "type");
        if (!type.union()) {
            throw new IllegalArgumentException("not a union: " + type);
        }
        return (UnionPlan) Plan.of(type);
    }

    /** The struct's or union's type. */
    public ValueType.Composite type() {
        return type;
    }

    /** Whether this is a union. */
    public boolean union() {
        return type.union();
    }

    /** The number of members. */
    public int fieldCount() {
        return type.fields().size();
    }

    /** The C name of member {@code index}; "" for an anonymous struct or union member. */
    public String name(int index) {
        return type.fields().get(index).name();
    }

    /** Member {@code index}'s value. */
    public BtfValue get(int index) {
        Objects.checkIndex(index, fieldCount());
        BtfValue reference = references == null ? null : references[index];
        if (reference != null) {
            return reference;
        }
        return plan.member(this, index);
    }

    /**
     * The member called {@code name}, looked for as C does: among the members, then inside the
     * anonymous struct and union members.
     */
    public Optional<BtfValue> field(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < fieldCount(); i++) {
            if (name(i).equals(name)) {
                return Optional.of(get(i));
            }
        }
        for (int i = 0; i < fieldCount(); i++) {
            if (name(i).isEmpty() && get(i) instanceof StructValue inner) {
                Optional<BtfValue> found = inner.field(name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A copy of a union's bytes. */
    public byte[] bytes() {
        if (bytes == null) {
            throw new IllegalStateException("a struct is held as its members; only a union has bytes");
        }
        return bytes.clone();
    }

    /**
     * The leaves of this value, in declaration order: nested structs and unions are opened, their
     * members named {@code outer.inner} (an anonymous member's without a prefix, as C names
     * them); arrays, texts and scalars are leaves. {@link FlatField#names} gives the same names
     * from the type alone, for a table's header.
     */
    public List<FlatField> flatten() {
        List<FlatField> leaves = new ArrayList<>();
        flatten("", leaves);
        return leaves;
    }

    private void flatten(String prefix, List<FlatField> leaves) {
        for (int i = 0; i < fieldCount(); i++) {
            BtfValue value = get(i);
            String name = prefix + name(i);
            if (value instanceof StructValue inner) {
                inner.flatten(name(i).isEmpty() ? prefix : name + ".", leaves);
            } else {
                leaves.add(new FlatField(name, value));
            }
        }
    }

    CompositePlan plan() {
        return plan;
    }

    long[] words() {
        return words;
    }

    BtfValue[] references() {
        return references;
    }

    byte[] unionBytes() {
        return bytes;
    }

    /** A {@code List} of the members' Java values. */
    @Override
    public Object javaValue() {
        List<Object> values = new ArrayList<>(fieldCount());
        for (int i = 0; i < fieldCount(); i++) {
            values.add(get(i).javaValue());
        }
        return values;
    }

    /** Structs are equal when their members are; unions when their bytes are. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof StructValue that) || !that.type.equals(type)) {
            return false;
        }
        if (type.union()) {
            return Arrays.equals(that.bytes, bytes);
        }
        for (int i = 0; i < fieldCount(); i++) {
            if (!get(i).equals(that.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        if (type.union()) {
            return Arrays.hashCode(bytes);
        }
        int hash = type.hashCode();
        for (int i = 0; i < fieldCount(); i++) {
            hash = 31 * hash + get(i).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(type.name().isEmpty() ? "{" : type.name() + "{");
        for (int i = 0; i < fieldCount(); i++) {
            out.append(i == 0 ? "" : ", ").append(name(i).isEmpty() ? "" : name(i) + "=").append(get(i));
        }
        return out.append('}').toString();
    }
}
