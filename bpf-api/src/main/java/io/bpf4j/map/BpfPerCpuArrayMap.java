package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A per-CPU array map: {@code max_entries} slots, each holding one value per possible CPU.
 *
 * @param <V> one CPU's value type
 */
public final class BpfPerCpuArrayMap<V> extends BpfMap<Integer, V> {
    private final PerCpuLayout<V> layout;

    /** Types a raw per-CPU array; the value codec describes one CPU's value. */
    public BpfPerCpuArrayMap(RawMap map, Codec<V> valueCodec) {
        super(map, Codecs.INT32, valueCodec);
        this.layout = new PerCpuLayout<>(map, valueCodec);
    }

    /** How many values each slot holds (the possible CPUs). */
    public int cpus() {
        return layout.cpus();
    }

    /** Every CPU's value at {@code index}, CPU 0 first. */
    public List<V> get(int index) {
        checkIndex("get", index);
        ByteBuffer value = layout.allocate();
        if (!raw.lookup(encodeKey(index), value)) {
            throw new IllegalStateException("per-CPU array '" + name() + "' has no element " + index);
        }
        return layout.decode(value, 0);
    }

    /** Sets every CPU's value at {@code index}, one per CPU in {@code values}. */
    public void set(int index, List<V> values) {
        checkIndex("set", index);
        raw.update(encodeKey(index), layout.encode(values), UpdateFlag.ANY.bits());
    }

    /** The sum of {@code measure} over every CPU's value at {@code index}. */
    public long sum(int index, ToLongFunction<? super V> measure) {
        return PerCpuValues.sum(get(index), measure);
    }
}
