package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hash maps (plain, per-CPU, LRU, hash-of-maps). Iteration order is unspecified in the kernel; the
 * fake iterates in insertion order. A full plain hash map refuses new keys with E2BIG; an LRU map
 * instead evicts its least recently used element, where lookups and updates count as uses.
 */
final class HashStore implements ElementStore {
    private final long maxEntries;
    private final boolean lru;
    private final Map<Bytes, Entry> entries = new LinkedHashMap<>();
    private long clock;

    HashStore(long maxEntries, boolean lru) {
        this.maxEntries = maxEntries;
        this.lru = lru;
    }

    private static final class Entry {
        Bytes value;
        long lastUse;

        Entry(Bytes value, long lastUse) {
            this.value = value;
            this.lastUse = lastUse;
        }
    }

    @Override
    public Optional<Bytes> lookup(Bytes key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        entry.lastUse = ++clock;
        return Optional.of(entry.value);
    }

    @Override
    public void update(Bytes key, Bytes value, long flags) {
        long mode = ElementStore.checkUpdateFlags(flags);
        Entry entry = entries.get(key);
        if (entry != null && mode == NOEXIST) {
            throw new ElementError(Errno.EEXIST, "the key exists and BPF_NOEXIST was given");
        }
        if (entry == null && mode == EXIST) {
            throw new ElementError(Errno.ENOENT, "the key does not exist and BPF_EXIST was given");
        }
        if (entry != null) {
            entry.value = value;
            entry.lastUse = ++clock;
            return;
        }
        if (entries.size() >= maxEntries) {
            if (!lru) {
                throw new ElementError(Errno.E2BIG, "the map is full: max_entries " + maxEntries);
            }
            evictLeastRecentlyUsed();
        }
        entries.put(key, new Entry(value, ++clock));
    }

    private void evictLeastRecentlyUsed() {
        Bytes victim = null;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<Bytes, Entry> e : entries.entrySet()) {
            if (e.getValue().lastUse < oldest) {
                oldest = e.getValue().lastUse;
                victim = e.getKey();
            }
        }
        entries.remove(victim);
    }

    @Override
    public void delete(Bytes key) {
        if (entries.remove(key) == null) {
            throw new ElementError(Errno.ENOENT, null);
        }
    }

    @Override
    public Optional<Bytes> lookupAndDelete(Bytes key) {
        Entry entry = entries.remove(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value);
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        // As in the kernel, a key that is not present restarts the walk at the first key.
        Iterator<Bytes> keys = entries.keySet().iterator();
        if (key != null && entries.containsKey(key)) {
            while (!keys.next().equals(key)) {
                // skip up to and including key
            }
        }
        return keys.hasNext() ? Optional.of(keys.next()) : Optional.empty();
    }

    @Override
    public int count() {
        return entries.size();
    }

    @Override
    public List<Bytes> keys() {
        return List.copyOf(entries.keySet());
    }

    @Override
    public boolean supportsBatch() {
        return true;
    }

    /** The keys, least recently used first (for tests of eviction order). */
    List<Bytes> keysByRecency() {
        List<Map.Entry<Bytes, Entry>> all = new ArrayList<>(entries.entrySet());
        all.sort((a, b) -> Long.compare(a.getValue().lastUse, b.getValue().lastUse));
        return all.stream().map(Map.Entry::getKey).toList();
    }
}
