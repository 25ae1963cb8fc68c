package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.MapHandle;

/**
 * A stack map ({@code BPF_MAP_TYPE_STACK}): last in, first out.
 *
 * @param <V> value type
 */
public final class BpfStack<V> extends BpfPushPopMap<V> {
    /** Wraps a raw stack map. */
    public BpfStack(MapHandle handle, Codec<V> valueCodec) {
        super(handle, valueCodec);
    }
}
