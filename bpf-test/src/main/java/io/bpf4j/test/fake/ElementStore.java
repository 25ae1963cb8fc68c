package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.util.Optional;

/**
 * The elements of one fake map, with one map type's rules. Keys and values arrive with the map's
 * sizes already checked (per-CPU values already widened to every CPU's slot); refusals throw
 * {@link ElementError} with the kernel's errno.
 */
interface ElementStore {
    /** {@code BPF_ANY}: create or replace. */
    long ANY = 0;
    /** {@code BPF_NOEXIST}: create only. */
    long NOEXIST = 1;
    /** {@code BPF_EXIST}: replace only. */
    long EXIST = 2;
    /** {@code BPF_F_LOCK}: take the value's spin lock; the fake has no concurrency to guard against. */
    long F_LOCK = 4;

    /** The value for {@code key}, empty when absent. Counts as a use for LRU maps. */
    Optional<Bytes> lookup(Bytes key);

    /** Creates or replaces an element as {@code flags} allow. */
    void update(Bytes key, Bytes value, long flags);

    /** Deletes an element; ENOENT when absent. */
    void delete(Bytes key);

    /** The key after {@code key}, or the first key when {@code key} is null; empty at the end. */
    Optional<Bytes> nextKey(Bytes key);

    /** Looks the element up and deletes it; the kernel supports this for hash maps, queues and stacks. */
    default Optional<Bytes> lookupAndDelete(Bytes key) {
        throw new ElementError(Errno.ENOTSUPP, "this map type does not support lookup-and-delete");
    }

    /** How many elements are present. */
    int count();

    /**
     * The keys in iteration order, for batch operations; empty (and {@link #supportsBatch()} false)
     * for map types without batch operations.
     */
    default java.util.List<Bytes> keys() {
        return java.util.List.of();
    }

    /** Whether the kernel offers batch lookup, update and delete for this map type. */
    default boolean supportsBatch() {
        return false;
    }

    /** The kernel's check of update flags: only ANY, NOEXIST or EXIST, optionally with F_LOCK. */
    static long checkUpdateFlags(long flags) {
        long plain = flags & ~F_LOCK;
        if (plain > EXIST || plain < 0) {
            throw new ElementError(Errno.EINVAL, "unknown update flags " + flags);
        }
        return plain;
    }
}
