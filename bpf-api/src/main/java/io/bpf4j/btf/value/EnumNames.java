package io.bpf4j.btf.value;

import io.bpf4j.btf.BtfType;
import java.util.Arrays;
import java.util.List;

/**
 * The names of an enum's values by value, sorted once so that naming a decoded value is a binary
 * search, not a scan of every enumerator. When several enumerators share a value, the first
 * declared names it, as the generated {@code of(value)} does.
 */
final class EnumNames {
    private final long[] values;
    private final String[] names;

    EnumNames(ValueType.Enumerated type) {
        List<BtfType.EnumValue> declared = type.btfType().values();
        Integer[] order = new Integer[declared.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // A stable sort by value keeps the first declared of equal values first.
        Arrays.sort(order, (a, b) -> Long.compare(declared.get(a).value(), declared.get(b).value()));
        long[] sortedValues = new long[order.length];
        String[] sortedNames = new String[order.length];
        int count = 0;
        for (Integer index : order) {
            long value = declared.get(index).value();
            if (count == 0 || sortedValues[count - 1] != value) {
                sortedValues[count] = value;
                sortedNames[count] = declared.get(index).name();
                count++;
            }
        }
        this.values = Arrays.copyOf(sortedValues, count);
        this.names = Arrays.copyOf(sortedNames, count);
    }

    /** The name of {@code raw}, or null. */
    String name(long raw) {
        int index = Arrays.binarySearch(values, raw);
        return index >= 0 ? names[index] : null;
    }

    /** The name of {@code raw} in {@code type}, found by a scan: for values built without a codec. */
    static String scan(ValueType.Enumerated type, long raw) {
        for (BtfType.EnumValue value : type.btfType().values()) {
            if (value.value() == raw) {
                return value.name();
            }
        }
        return null;
    }
}
