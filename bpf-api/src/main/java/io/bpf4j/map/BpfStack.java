package io.bpf4j.map;

import io.bpf4j.codec.Codec;

/**
 * A stack map ({@code BPF_MAP_TYPE_STACK}): last in, first out.
 *
 * @param <V> value type
 */
public final class BpfStack<V> extends BpfPushPopMap<V> {
    /** Types a raw stack map. */
    public BpfStack(RawMap map, Codec<V> valueCodec) {
        super(map, valueCodec);
    }
}
