package io.bpf4j.map;

import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * A per-CPU hash map (or LRU per-CPU hash map): each element holds one value per possible CPU, so
 * programs update it without atomics and user space adds the CPUs up.
 *
 * @param <K> key type
 * @param <V> one CPU's value type
 */
public final class BpfPerCpuHashMap<K, V> extends BpfMap<K, V> {
    private final PerCpuLayout<V> layout;

    /** Types a raw per-CPU map; the value codec describes one CPU's value. */
    public BpfPerCpuHashMap(RawMap map, Codec<K> keyCodec, Codec<V> valueCodec) {
        super(map, keyCodec, valueCodec);
        this.layout = new PerCpuLayout<>(map, valueCodec);
    }

    /** How many values each element holds (the possible CPUs). */
    public int cpus() {
        return layout.cpus();
    }

    /** Every CPU's value for {@code key}, CPU 0 first, if present. */
    public Optional<List<V>> get(K key) {
        ByteBuffer value = layout.allocate();
        if (!raw.lookup(encodeKey(key), value)) {
            return Optional.empty();
        }
        return Optional.of(layout.decode(value, 0));
    }

    /** The sum of {@code measure} over every CPU's value for {@code key}; 0 when absent. */
    public long sum(K key, ToLongFunction<? super V> measure) {
        return get(key).map(values -> PerCpuValues.sum(values, measure)).orElse(0L);
    }

    /** Sets every CPU's value, one per CPU in {@code values}. */
    public void put(K key, List<V> values, UpdateFlag flag) {
        raw.update(encodeKey(key), layout.encode(values), flag.bits());
    }

    /** Sets every CPU's value to {@code value}. */
    public void putOnEveryCpu(K key, V value) {
        raw.update(encodeKey(key), layout.encodeSame(value), UpdateFlag.ANY.bits());
    }

    /** Deletes the element; false when it was absent. */
    public boolean delete(K key) {
        return raw.delete(encodeKey(key));
    }

    /** The keys present now, each once. */
    public List<K> keys() {
        return decodedKeys();
    }

    /** Every element's per-CPU values, read with batch lookups where the backend has them. */
    public Map<K, List<V>> dumpAll() {
        Map<K, List<V>> copy = new LinkedHashMap<>();
        try {
            BatchWalk.walk(raw.handle(), false, (keys, keyOffset, values, valueOffset) ->
                    copy.put(keyCodec.decode(keys, keyOffset), layout.decode(values, valueOffset)));
        } catch (UnsupportedFeatureException e) {
            for (K key : keys()) {
                get(key).ifPresent(values -> copy.put(key, values));
            }
        }
        return copy;
    }
}
