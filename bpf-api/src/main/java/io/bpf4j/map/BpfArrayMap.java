package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A kernel array map: {@code max_entries} zero-initialised values indexed from 0.
 *
 * @param <V> value type
 */
public final class BpfArrayMap<V> extends BpfMap<Integer, V> {
    /** Types a raw array map; the codec's size must equal the map's value size. */
    public BpfArrayMap(RawMap map, Codec<V> valueCodec) {
        super(map, Codecs.INT32, valueCodec);
        requireSingleValues("BpfPerCpuArrayMap");
    }

    /**
     * The value at {@code index}.
     *
     * @throws IllegalArgumentException when {@code index} is not 0 to {@code maxEntries() - 1}
     */
    public V get(int index) {
        checkIndex("get", index);
        ByteBuffer value = allocate(valueCodec.size());
        if (!raw.lookup(encodeKey(index), value)) {
            throw new IllegalStateException("array map '" + name() + "' has no element " + index);
        }
        return valueCodec.decode(value, 0);
    }

    /**
     * Replaces the value at {@code index}.
     *
     * @throws IllegalArgumentException when {@code index} is not 0 to {@code maxEntries() - 1}
     */
    public void set(int index, V value) {
        checkIndex("set", index);
        raw.update(encodeKey(index), encodeValue(value), UpdateFlag.ANY.bits());
    }

    /** Every value, index 0 first. */
    public List<V> values() {
        int count = indexCount();
        List<V> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(get(i));
        }
        return values;
    }
}
