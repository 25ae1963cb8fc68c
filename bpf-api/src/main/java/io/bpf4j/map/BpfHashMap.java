package io.bpf4j.map;

import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A hash-like kernel map (hash, LRU hash) with typed keys and values.
 *
 * <p>An LRU hash map is used the same way; when it is full, an insert evicts a least recently used
 * element instead of failing with E2BIG.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class BpfHashMap<K, V> extends BpfMap<K, V> {
    /** Above this many entries a dump's copy grows as it fills instead of being sized up front. */
    private static final int PRESIZE_LIMIT = 1 << 20;

    /** Types a raw map; the codecs' sizes must equal the map's key and value sizes. */
    public BpfHashMap(RawMap map, Codec<K> keyCodec, Codec<V> valueCodec) {
        super(map, keyCodec, valueCodec);
        requireSingleValues("BpfPerCpuHashMap");
    }

    /** The value for {@code key}, if present. */
    public Optional<V> get(K key) {
        ByteBuffer value = allocate(valueCodec.size());
        if (!raw.lookup(encodeKey(key), value)) {
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
        raw.update(encodeKey(key), encodeValue(value), flag.bits());
    }

    /** Deletes the element; false when it was absent. */
    public boolean delete(K key) {
        return raw.delete(encodeKey(key));
    }

    /** Deletes the element and returns its value, atomically ({@code BPF_MAP_LOOKUP_AND_DELETE_ELEM}). */
    public Optional<V> remove(K key) {
        ByteBuffer value = allocate(valueCodec.size());
        if (!raw.lookupAndDelete(encodeKey(key), value)) {
            return Optional.empty();
        }
        return Optional.of(valueCodec.decode(value, 0));
    }

    /**
     * The keys present now, in the kernel's iteration order. Keys deleted concurrently may be
     * missed; no key is returned twice, even when a concurrent delete makes the kernel's walk start
     * over. Each restart re-walks the keys already seen, so for large maps that programs change all
     * the time {@link #dumpAll()}, which walks by hash bucket, is cheaper.
     */
    public List<K> keys() {
        return decodedKeys();
    }

    /** Calls {@code action} for every element present now (elements deleted meanwhile are skipped). */
    public void forEach(BiConsumer<? super K, ? super V> action) {
        ByteBuffer value = allocate(valueCodec.size());
        for (K key : keys()) {
            if (raw.lookup(encodeKey(key), value)) {
                action.accept(key, valueCodec.decode(value, 0));
            }
        }
    }

    /** A copy of the map's current contents, in iteration order, read element by element. */
    public Map<K, V> snapshot() {
        Map<K, V> copy = new LinkedHashMap<>();
        forEach(copy::put);
        return copy;
    }

    /**
     * A copy of the map's contents read with batch lookups ({@code BPF_MAP_LOOKUP_BATCH}): a few
     * system calls per thousands of elements, and concurrent deletes never make it start over.
     * A backend without batch operations is read element by element instead.
     */
    public Map<K, V> dumpAll() {
        Map<K, V> copy = presized();
        try {
            BatchWalk.walk(raw.handle(), false, (keys, keyOffset, values, valueOffset) ->
                    copy.put(keyCodec.decode(keys, keyOffset), valueCodec.decode(values, valueOffset)));
        } catch (UnsupportedFeatureException e) {
            return snapshot();
        }
        return copy;
    }

    /**
     * Removes every element and returns them, with batch lookup-and-deletes
     * ({@code BPF_MAP_LOOKUP_AND_DELETE_BATCH}): each element is returned exactly once even while
     * programs keep adding (elements added behind the walk stay for the next call).
     */
    public Map<K, V> takeAll() {
        Map<K, V> taken = presized();
        BatchWalk.walk(raw.handle(), true, (keys, keyOffset, values, valueOffset) ->
                taken.put(keyCodec.decode(keys, keyOffset), valueCodec.decode(values, valueOffset)));
        return taken;
    }

    /**
     * A map sized for the whole map (capped), so a dump never rehashes: growing from the default
     * capacity was most of a 100k-element dump's time.
     */
    private Map<K, V> presized() {
        int expected = (int) Math.min(maxEntries(), PRESIZE_LIMIT);
        return new LinkedHashMap<>((int) Math.ceil(expected / 0.75));
    }

    /**
     * Deletes every key of {@code keys} with one {@code BPF_MAP_DELETE_BATCH}.
     *
     * @throws io.bpf4j.BpfException with ENOENT when a key is absent; the keys before it are deleted
     */
    public void deleteAll(Collection<? extends K> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ByteBuffer packed = allocatePacked(keys.size(), keyCodec.size(), "keys");
        int offset = 0;
        for (K key : keys) {
            keyCodec.encode(key, packed, offset);
            offset += keyCodec.size();
        }
        raw.deleteBatch(packed, keys.size());
    }

    /**
     * Writes every entry of {@code entries} with one {@code BPF_MAP_UPDATE_BATCH}, each as
     * {@link #put(Object, Object, UpdateFlag)} would.
     */
    public void putAll(Map<? extends K, ? extends V> entries, UpdateFlag flag) {
        if (entries.isEmpty()) {
            return;
        }
        ByteBuffer keys = allocatePacked(entries.size(), keyCodec.size(), "keys");
        ByteBuffer values = allocatePacked(entries.size(), valueCodec.size(), "values");
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> entry : entries.entrySet()) {
            keyCodec.encode(entry.getKey(), keys, i * keyCodec.size());
            valueCodec.encode(entry.getValue(), values, i * valueCodec.size());
            i++;
        }
        raw.updateBatch(keys, values, entries.size(), flag.bits());
    }
}
