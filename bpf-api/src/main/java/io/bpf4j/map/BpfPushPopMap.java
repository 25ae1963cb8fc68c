package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * What queues and stacks share: values without keys, pushed and popped. Which value a pop returns
 * (oldest or newest) is the map type's: see {@link BpfQueue} and {@link BpfStack}.
 *
 * @param <V> value type
 */
public abstract class BpfPushPopMap<V> extends BpfMap<Void, V> {
    /** Types a raw queue or stack map; the codec's size must equal the map's value size. */
    protected BpfPushPopMap(RawMap map, Codec<V> valueCodec) {
        super(map, Codecs.VOID, valueCodec);
    }

    /**
     * Adds {@code value}.
     *
     * @throws io.bpf4j.BpfException with E2BIG when the map is full
     */
    public void push(V value) {
        raw.update(null, encodeValue(value), UpdateFlag.ANY.bits());
    }

    /** Adds {@code value}; when the map is full, the oldest value makes room ({@code BPF_EXIST}). */
    public void pushEvictingOldest(V value) {
        raw.update(null, encodeValue(value), UpdateFlag.EXIST.bits());
    }

    /** Removes and returns the next value; empty when there is none. */
    public Optional<V> pop() {
        ByteBuffer value = allocate(valueCodec.size());
        return raw.lookupAndDelete(null, value) ? Optional.of(valueCodec.decode(value, 0)) : Optional.empty();
    }

    /** The value {@link #pop()} would return, left in place; empty when there is none. */
    public Optional<V> peek() {
        ByteBuffer value = allocate(valueCodec.size());
        return raw.lookup(null, value) ? Optional.of(valueCodec.decode(value, 0)) : Optional.empty();
    }
}
