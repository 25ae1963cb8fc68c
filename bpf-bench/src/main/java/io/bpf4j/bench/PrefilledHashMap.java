package io.bpf4j.bench;

import io.bpf4j.Kernel;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.UpdateFlag;

/**
 * The map benchmarks' subject: {@code map_ops.bpf.o} loaded (its program is never attached) and
 * its hash map {@code values} (u32 key, 64-byte value) filled with keys {@code 0..entries-1},
 * each value's first word equal to its key, as the C harness {@code map_ops.c} fills it.
 */
final class PrefilledHashMap implements AutoCloseable {
    private final MapOpsSkel skel;
    private final int entries;

    private PrefilledHashMap(MapOpsSkel skel, int entries) {
        this.skel = skel;
        this.entries = entries;
    }

    /** Loads the object and fills its map; the caller closes the result. */
    static PrefilledHashMap load(Kernel kernel, int entries) {
        MapOpsSkel skel;
        try (MapOpsSkel.Open open = MapOpsSkel.open(kernel)) {
            skel = open.load();
        }
        try {
            BpfHashMap<Long, MapOpsSkel.BenchValue> map = skel.maps().values();
            if (entries > map.maxEntries()) {
                throw new IllegalArgumentException("map '" + map.name() + "' holds " + map.maxEntries()
                        + " elements, not " + entries);
            }
            long[] words = new long[8];
            for (long key = 0; key < entries; key++) {
                words[0] = key;
                map.put(key, new MapOpsSkel.BenchValue(words.clone()), UpdateFlag.NOEXIST);
            }
            return new PrefilledHashMap(skel, entries);
        } catch (RuntimeException e) {
            skel.close();
            throw e;
        }
    }

    /** The filled map. */
    BpfHashMap<Long, MapOpsSkel.BenchValue> map() {
        return skel.maps().values();
    }

    /** How many elements it holds. */
    int entries() {
        return entries;
    }

    /** The {@code i}-th key of the benchmarks' scattered walk over the keys (the C harness's {@code key_at}). */
    static int keyAt(long i, int entries) {
        return (int) ((i * 7919) % entries);
    }

    @Override
    public void close() {
        skel.close();
    }
}
