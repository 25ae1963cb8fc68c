package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Arrays (plain and per-CPU): {@code max_entries} elements that always exist, zero-initialised,
 * indexed by a 32-bit key. Elements cannot be deleted (EINVAL); an index past the end is E2BIG on
 * update and absent on lookup.
 */
final class ArrayStore implements ElementStore {
    private final Bytes[] values;

    ArrayStore(int maxEntries, int valueSize) {
        values = new Bytes[maxEntries];
        java.util.Arrays.fill(values, Bytes.zeros(valueSize));
    }

    /** The index a 4-byte key holds, as an unsigned number. */
    static long index(Bytes key) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(key.toArray()).order(ByteOrder.nativeOrder()).getInt(0));
    }

    /** A 4-byte key holding {@code index}. */
    static Bytes key(long index) {
        byte[] key = new byte[4];
        ByteBuffer.wrap(key).order(ByteOrder.nativeOrder()).putInt(0, (int) index);
        return Bytes.of(key);
    }

    @Override
    public Optional<Bytes> lookup(Bytes key) {
        long index = index(key);
        return index < values.length ? Optional.of(values[(int) index]) : Optional.empty();
    }

    @Override
    public void update(Bytes key, Bytes value, long flags) {
        long mode = ElementStore.checkUpdateFlags(flags);
        long index = index(key);
        if (index >= values.length) {
            throw new ElementError(Errno.E2BIG, "index " + index + " is past max_entries " + values.length);
        }
        if (mode == NOEXIST) {
            throw new ElementError(Errno.EEXIST, "array elements always exist and BPF_NOEXIST was given");
        }
        values[(int) index] = value;
    }

    @Override
    public void delete(Bytes key) {
        throw new ElementError(Errno.EINVAL, "array elements cannot be deleted");
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        return nextIndex(key, values.length);
    }

    /** The kernel's array walk: from nothing or past the end to 0, then up to max_entries - 1. */
    static Optional<Bytes> nextIndex(Bytes key, int maxEntries) {
        long index = key == null ? maxEntries : index(key);
        long next = index >= maxEntries ? 0 : index + 1;
        return next < maxEntries ? Optional.of(key(next)) : Optional.empty();
    }

    @Override
    public java.util.List<Bytes> keys() {
        return java.util.stream.LongStream.range(0, values.length).mapToObj(ArrayStore::key).toList();
    }

    @Override
    public boolean supportsBatch() {
        return true;
    }

    @Override
    public int count() {
        return values.length;
    }
}
