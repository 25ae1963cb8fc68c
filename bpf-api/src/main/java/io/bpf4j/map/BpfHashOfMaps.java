package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalInt;

/**
 * A hash of maps ({@code BPF_MAP_TYPE_HASH_OF_MAPS}): inner maps by key; inner maps must have the
 * shape the outer map was declared with.
 *
 * @param <K> key type
 */
public final class BpfHashOfMaps<K> extends BpfMap<K, Integer> {
    /** Types a raw hash of maps. */
    public BpfHashOfMaps(RawMap map, Codec<K> keyCodec) {
        super(map, keyCodec, Codecs.INT32);
    }

    /**
     * Stores {@code inner} under {@code key}.
     *
     * @throws IllegalStateException when the inner map's owner is closed (even while this runs)
     */
    public void put(K key, RawMap inner) {
        // The fd stays the inner map's for the update: its owner cannot close it meanwhile.
        inner.useFd(fd -> raw.update(encodeKey(key), encodeValue(fd), UpdateFlag.ANY.bits()));
    }

    /** Stores the map of {@code inner} under {@code key}. */
    public void put(K key, BpfMap<?, ?> inner) {
        put(key, inner.raw());
    }

    /** The kernel id of the inner map under {@code key}; empty when absent. */
    public OptionalInt innerMapId(K key) {
        ByteBuffer value = allocate(4);
        return raw.lookup(encodeKey(key), value) ? OptionalInt.of(value.getInt(0)) : OptionalInt.empty();
    }

    /** Removes the inner map under {@code key}; false when absent. */
    public boolean delete(K key) {
        return raw.delete(encodeKey(key));
    }

    /** The keys present now, each once. */
    public List<K> keys() {
        return decodedKeys();
    }
}
