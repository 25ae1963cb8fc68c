package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.MapHandle;

/**
 * A queue map ({@code BPF_MAP_TYPE_QUEUE}): first in, first out.
 *
 * @param <V> value type
 */
public final class BpfQueue<V> extends BpfPushPopMap<V> {
    /** Wraps a raw queue map. */
    public BpfQueue(MapHandle handle, Codec<V> valueCodec) {
        super(handle, valueCodec);
    }
}
