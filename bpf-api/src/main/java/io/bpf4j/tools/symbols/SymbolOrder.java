package io.bpf4j.tools.symbols;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Sorts parallel symbol arrays by unsigned address, then by name, and finds the symbol covering
 * an address. Ordering equal addresses by name and taking the last one is libbpf-tools' rule for
 * aliases ({@code __x64_sys_getpid} over {@code __ia32_sys_getpid}, {@code getpid} over
 * {@code __getpid}); it keeps results stable from run to run.
 */
final class SymbolOrder {
    private SymbolOrder() {
    }

    /** The permutation that sorts the symbols; allocation here is once per table, not per lookup. */
    static int[] sortedOrder(long[] addresses, String[] names, int count) {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Comparator<Integer> byAddress = (a, b) -> Long.compareUnsigned(addresses[a], addresses[b]);
        Arrays.sort(order, byAddress.thenComparing(i -> names[i]));
        int[] result = new int[count];
        for (int i = 0; i < count; i++) {
            result[i] = order[i];
        }
        return result;
    }

    /** Index of the last entry of {@code sorted} (unsigned ascending) that is {@code <= address}, or -1. */
    static int floorIndex(long[] sorted, long address) {
        int low = 0;
        int high = sorted.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(sorted[mid], address) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
