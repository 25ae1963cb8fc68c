package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.MapHandle;

/**
 * A bloom filter map ({@code BPF_MAP_TYPE_BLOOM_FILTER}): values are added, never removed, and a
 * membership test may answer a false positive but never a false negative.
 *
 * @param <V> value type
 */
public final class BpfBloomFilter<V> extends BpfMap<Void, V> {
    /** Wraps a raw bloom filter map. */
    public BpfBloomFilter(MapHandle handle, Codec<V> valueCodec) {
        super(handle, NoKey.CODEC, valueCodec);
    }

    /** Adds {@code value}. */
    public void push(V value) {
        handle.update(null, encodeValue(value), UpdateFlag.ANY.bits());
    }

    /** False when {@code value} was certainly never pushed; true when it probably was. */
    public boolean contains(V value) {
        return handle.lookup(null, encodeValue(value));
    }
}
