package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;

/**
 * A bloom filter map ({@code BPF_MAP_TYPE_BLOOM_FILTER}): values are added, never removed, and a
 * membership test may answer a false positive but never a false negative.
 *
 * @param <V> value type
 */
public final class BpfBloomFilter<V> extends BpfMap<Void, V> {
    /** Types a raw bloom filter map. */
    public BpfBloomFilter(RawMap map, Codec<V> valueCodec) {
        super(map, Codecs.VOID, valueCodec);
    }

    /** Adds {@code value}. */
    public void push(V value) {
        raw.update(null, encodeValue(value), UpdateFlag.ANY.bits());
    }

    /** False when {@code value} was certainly never pushed; true when it probably was. */
    public boolean contains(V value) {
        return raw.lookup(null, encodeValue(value));
    }
}
