package io.bpf4j.btf.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A C array: exactly its type's number of elements, in order. Integers, enums, {@code bool}s
 * and floating-point numbers are held as words, so a decoded {@code u64 slots[64]} is one
 * {@code long[64]}; {@link #longAt} reads one without allocating.
 */
public final class ArrayValue implements BtfValue {
    private final ValueType.Array type;
    private final ArrayPlan plan;
    private final long[] words;
    private final BtfValue[] elements;

    ArrayValue(ValueType.Array type, ArrayPlan plan, long[] words, BtfValue[] elements) {
        this.type = type;
        this.plan = plan;
        this.words = words;
        this.elements = elements;
    }

    /**
     * An array of {@code type} holding {@code elements}. Their number and kinds are checked when
     * it is encoded, as generated records check theirs.
     */
    public static ArrayValue of(ValueType.Array type, List<? extends BtfValue> elements) {
        Objects.requireNonNull(type, "type");
        BtfValue[] copy = elements.toArray(new BtfValue[0]);
        for (BtfValue element : copy) {
            Objects.requireNonNull(element, "element");
        }
        return new ArrayValue(type, null, null, copy);
    }

    /** The array's type. */
    public ValueType.Array type() {
        return type;
    }

    ArrayPlan plan() {
        return plan;
    }

    long[] words() {
        return words;
    }

    /** The number of elements. */
    public int length() {
        return words != null ? words.length : elements.length;
    }

    /** Element {@code index}. */
    public BtfValue get(int index) {
        Objects.checkIndex(index, length());
        return words != null ? plan.word().value(words[index]) : elements[index];
    }

    /**
     * Element {@code index} of an array of integers or enums, as {@link IntegerValue#longValue()}
     * holds it (a {@code u64} as its bits), without allocating.
     *
     * @throws IllegalStateException when the elements are not integers or enums
     */
    public long longAt(int index) {
        ValueType element = type.element();
        boolean integers = element instanceof ValueType.Enumerated
                || element instanceof ValueType.Scalar scalar && scalar.kind().isInteger() && !scalar.kind().isWide();
        if (!integers) {
            throw new IllegalStateException("the elements of this array are not integers of at most 64 bits");
        }
        Objects.checkIndex(index, length());
        return words != null ? words[index] : WordPlan.integerWord(elements[index], "element " + index);
    }

    /** A {@code List} of the elements' Java values. */
    @Override
    public Object javaValue() {
        List<Object> values = new ArrayList<>(length());
        for (int i = 0; i < length(); i++) {
            values.add(get(i).javaValue());
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ArrayValue that) || that.length() != length() || !that.type.equals(type)) {
            return false;
        }
        for (int i = 0; i < length(); i++) {
            if (!get(i).equals(that.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (int i = 0; i < length(); i++) {
            hash = 31 * hash + get(i).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < length(); i++) {
            out.append(i == 0 ? "" : ", ").append(get(i));
        }
        return out.append(']').toString();
    }
}
