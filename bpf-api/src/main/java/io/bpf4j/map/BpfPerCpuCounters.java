package io.bpf4j.map;

import io.bpf4j.codec.Codecs;
import java.util.Collections;
import java.util.List;

/**
 * Counters a program keeps in a per-CPU array of {@code __u64} (the usual way to count without
 * atomics), read as plain Java numbers: each counter is the sum over the CPUs.
 */
public final class BpfPerCpuCounters {
    private final BpfPerCpuArrayMap<Long> array;

    /**
     * @throws IllegalArgumentException when the map's value is not 8 bytes
     */
    public BpfPerCpuCounters(RawMap map) {
        this.array = new BpfPerCpuArrayMap<>(map, Codecs.UINT64);
    }

    /** Counter {@code index}, summed over every CPU (unsigned; wraps past {@code 2^64}). */
    public long get(int index) {
        return array.sum(index, Long::longValue);
    }

    /** Counter {@code index} per CPU, CPU 0 first. */
    public List<Long> perCpu(int index) {
        return array.get(index);
    }

    /** Every counter summed: the total over all slots and CPUs. */
    public long sum() {
        long total = 0;
        int count = array.indexCount();
        for (int i = 0; i < count; i++) {
            total += get(i);
        }
        return total;
    }

    /** Sets counter {@code index} to zero on every CPU. */
    public void reset(int index) {
        array.set(index, Collections.nCopies(array.cpus(), 0L));
    }

    /** The per-CPU array underneath. */
    public BpfPerCpuArrayMap<Long> array() {
        return array;
    }
}
