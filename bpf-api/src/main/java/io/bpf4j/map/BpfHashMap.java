package io.bpf4j.map;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A hash-like kernel map (hash, LRU hash) with typed keys and values.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class BpfHashMap<K, V> extends BpfMap<K, V> {
    /** Wraps a raw map; the codecs' sizes must equal the map's key and value sizes. */
    public BpfHashMap(MapHandle handle, Codec<K> keyCodec, Codec<V> valueCodec) {
        super(handle, keyCodec, valueCodec);
    }

    /** The value for {@code key}, if present. */
    public Optional<V> get(K key) {
        ByteBuffer value = allocate(valueCodec.size());
        if (!handle.lookup(encodeKey(key), value)) {
            return Optional.empty();
        }
        return Optional.of(valueCodec.decode(value, 0));
    }

    /** Creates or replaces the element. */
    public void put(K key, V value) {
        put(key, value, UpdateFlag.ANY);
    }

    /**
     * Updates the element as {@code flag} says.
     *
     * @throws io.bpf4j.BpfException with EEXIST/ENOENT when the flag forbids the update, E2BIG when full
     */
    public void put(K key, V value, UpdateFlag flag) {
        handle.update(encodeKey(key), encodeValue(value), flag.bits());
    }

    /** Deletes the element; false when it was absent. */
    public boolean delete(K key) {
        return handle.delete(encodeKey(key));
    }

    /**
     * The keys present now, in the kernel's iteration order. Keys deleted concurrently may be
     * missed; no key is returned twice.
     */
    public List<K> keys() {
        List<K> keys = new ArrayList<>();
        ByteBuffer current = null;
        ByteBuffer next = allocate(keyCodec.size());
        while (handle.nextKey(current, next)) {
            keys.add(keyCodec.decode(next, 0));
            current = next;
            next = allocate(keyCodec.size());
        }
        return keys;
    }

    /** Calls {@code action} for every element present now (elements deleted meanwhile are skipped). */
    public void forEach(BiConsumer<? super K, ? super V> action) {
        ByteBuffer value = allocate(valueCodec.size());
        for (K key : keys()) {
            if (handle.lookup(encodeKey(key), value)) {
                action.accept(key, valueCodec.decode(value, 0));
            }
        }
    }

    /** A copy of the map's current contents, in iteration order. */
    public Map<K, V> snapshot() {
        Map<K, V> copy = new LinkedHashMap<>();
        forEach(copy::put);
        return copy;
    }
}
