package io.bpf4j.test.fake;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.map.BatchResult;
import java.nio.ByteBuffer;
import java.util.function.BiFunction;
import java.util.List;

/**
 * The batch operations of one fake map ({@code BPF_MAP_*_BATCH}), element by element over its
 * store. The opaque cursor holds a position in the map's iteration order; a lookup-and-delete
 * batch removes what it returns, so its position stays where it was. Hash and array maps support
 * batches; arrays cannot delete, so their delete batches are ENOTSUPP, as in the kernel. The buffers
 * arrive checked by {@link io.bpf4j.spi.MapBuffers}: exactly {@code count} packed elements.
 */
final class MapBatches {
    private final ElementStore store;
    private final int keySize;
    private final int valueSize;

    MapBatches(ElementStore store, int keySize, int valueSize) {
        this.store = store;
        this.keySize = keySize;
        this.valueSize = valueSize;
    }

    BatchResult lookup(String operation, ByteBuffer inCursor, ByteBuffer outCursor, ByteBuffer keys,
            ByteBuffer values, int count, boolean delete) {
        checkSupported(operation, delete);
        long position = inCursor == null ? 0 : inCursor.getLong(0);
        List<Bytes> all = store.keys();
        if (position < 0 || position > all.size()) {
            // A cursor this fake never wrote: past the end, as the kernel treats a bucket beyond its table.
            position = all.size();
        }
        int copied = 0;
        for (long i = position; i < all.size() && copied < count; i++) {
            Bytes key = all.get((int) i);
            Bytes value = store.lookup(key).orElseThrow();
            keys.put(copied * keySize, key.toArray());
            values.put(copied * valueSize, value.toArray());
            copied++;
        }
        if (delete) {
            for (int i = 0; i < copied; i++) {
                store.delete(all.get((int) position + i));
            }
        }
        long next = delete ? position : position + copied;
        outCursor.putLong(0, next);
        return new BatchResult(copied, next >= store.keys().size());
    }

    BatchResult update(String operation, ByteBuffer keys, ByteBuffer values, int count, long flags,
            BiFunction<Bytes, String, Bytes> toStored) {
        checkSupported(operation, false);
        for (int i = 0; i < count; i++) {
            Bytes key = slice(keys, i * keySize, keySize);
            Bytes value = toStored.apply(slice(values, i * valueSize, valueSize), operation);
            try {
                store.update(key, value, flags);
            } catch (ElementError e) {
                throw new BpfException(operation, e.errno(), "element " + i + " of " + count
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        return new BatchResult(count, false);
    }

    BatchResult delete(String operation, ByteBuffer keys, int count) {
        checkSupported(operation, true);
        for (int i = 0; i < count; i++) {
            try {
                store.delete(slice(keys, i * keySize, keySize));
            } catch (ElementError e) {
                throw new BpfException(operation, e.errno(), "element " + i + " of " + count);
            }
        }
        return new BatchResult(count, false);
    }

    private void checkSupported(String operation, boolean deleting) {
        if (!store.supportsBatch() || (deleting && store instanceof ArrayStore)) {
            throw new BpfException(operation, Errno.ENOTSUPP, "this map type has no such batch operation");
        }
    }

    private static Bytes slice(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return Bytes.of(bytes);
    }
}
