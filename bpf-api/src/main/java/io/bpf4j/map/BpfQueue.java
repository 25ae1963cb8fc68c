package io.bpf4j.map;

import io.bpf4j.codec.Codec;

/**
 * A queue map ({@code BPF_MAP_TYPE_QUEUE}): first in, first out.
 *
 * @param <V> value type
 */
public final class BpfQueue<V> extends BpfPushPopMap<V> {
    /** Types a raw queue map. */
    public BpfQueue(RawMap map, Codec<V> valueCodec) {
        super(map, valueCodec);
    }
}
