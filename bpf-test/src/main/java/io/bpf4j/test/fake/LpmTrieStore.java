package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Longest-prefix-match tries. A key is a 32-bit prefix length followed by the data bytes; bits
 * past the prefix length do not count. Lookup finds the stored prefix that matches the most
 * leading bits; update and delete work on exact prefixes; a full trie refuses new prefixes with
 * ENOSPC. Iteration order is the kernel's own in the kernel; the fake iterates in insertion order.
 */
final class LpmTrieStore implements ElementStore {
    private final long maxEntries;
    private final int maxPrefixLength;
    private final Map<Bytes, Entry> entries = new LinkedHashMap<>();

    private record Entry(Bytes key, int prefixLength, Bytes value) {}

    LpmTrieStore(long maxEntries, int keySize) {
        this.maxEntries = maxEntries;
        this.maxPrefixLength = (keySize - 4) * 8;
    }

    private static int prefixLength(Bytes key) {
        return ByteBuffer.wrap(key.toArray()).order(ByteOrder.nativeOrder()).getInt(0);
    }

    /** The key with every bit past its prefix length cleared: equal for equal prefixes. */
    private static Bytes canonical(Bytes key, int prefixLength) {
        byte[] bytes = key.toArray();
        for (int bit = prefixLength; bit < (bytes.length - 4) * 8; bit++) {
            bytes[4 + bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return Bytes.of(bytes);
    }

    private static boolean matches(Entry entry, Bytes key) {
        for (int bit = 0; bit < entry.prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((entry.key.at(4 + bit / 8) & mask) != (key.at(4 + bit / 8) & mask)) {
                return false;
            }
        }
        return true;
    }

    private int checkedPrefixLength(Bytes key) {
        int length = prefixLength(key);
        if (length < 0 || length > maxPrefixLength) {
            throw new ElementError(Errno.EINVAL, "prefix length " + Integer.toUnsignedString(length)
                    + " is past the key's " + maxPrefixLength + " bits");
        }
        return length;
    }

    @Override
    public Optional<Bytes> lookup(Bytes key) {
        int length = prefixLength(key);
        Entry best = null;
        for (Entry entry : entries.values()) {
            boolean candidate = Integer.compareUnsigned(entry.prefixLength, length) <= 0 && matches(entry, key);
            if (candidate && (best == null || entry.prefixLength > best.prefixLength)) {
                best = entry;
            }
        }
        return best == null ? Optional.empty() : Optional.of(best.value);
    }

    @Override
    public void update(Bytes key, Bytes value, long flags) {
        long mode = ElementStore.checkUpdateFlags(flags);
        int length = checkedPrefixLength(key);
        Bytes canonical = canonical(key, length);
        boolean present = entries.containsKey(canonical);
        if (present && mode == NOEXIST) {
            throw new ElementError(Errno.EEXIST, "the prefix exists and BPF_NOEXIST was given");
        }
        if (!present && mode == EXIST) {
            throw new ElementError(Errno.ENOENT, "the prefix does not exist and BPF_EXIST was given");
        }
        if (!present && entries.size() >= maxEntries) {
            throw new ElementError(Errno.ENOSPC, "the trie is full: max_entries " + maxEntries);
        }
        entries.put(canonical, new Entry(key, length, value));
    }

    @Override
    public void delete(Bytes key) {
        int length = checkedPrefixLength(key);
        if (entries.remove(canonical(key, length)) == null) {
            throw new ElementError(Errno.ENOENT, null);
        }
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        List<Entry> all = new ArrayList<>(entries.values());
        if (key == null) {
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).key);
        }
        Bytes canonical = canonical(key, Math.min(Math.max(prefixLength(key), 0), maxPrefixLength));
        List<Bytes> order = new ArrayList<>(entries.keySet());
        int at = order.indexOf(canonical);
        // A key that is not present restarts at the first key, as in the kernel.
        int next = at < 0 ? 0 : at + 1;
        return next < all.size() ? Optional.of(all.get(next).key) : Optional.empty();
    }

    @Override
    public int count() {
        return entries.size();
    }
}
