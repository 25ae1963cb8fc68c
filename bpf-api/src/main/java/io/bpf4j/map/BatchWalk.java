package io.bpf4j.map;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.map.BatchResult;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a whole map with {@code BPF_MAP_LOOKUP_BATCH}: a few system calls for thousands of
 * elements, and, for hash maps, a walk by bucket that concurrent deletes cannot send back to the
 * start. Buffers are reused from batch to batch; elements are handed out as offsets into them.
 */
final class BatchWalk {
    /** Elements per batch call: large enough to amortise the call, small enough to stay in cache. */
    static final int DEFAULT_CHUNK = 4096;

    /** Receives the elements of one batch, by index into the packed buffers. */
    interface Sink {
        void accept(ByteBuffer keys, int keyOffset, ByteBuffer values, int valueOffset);
    }

    private BatchWalk() {}

    /** Hands every element to {@code sink}; with {@code delete}, also removes them (lookup-and-delete batch). */
    static void walk(MapHandle handle, boolean delete, Sink sink) {
        int chunk = (int) Math.min(DEFAULT_CHUNK, Math.max(handle.maxEntries(), 1));
        ByteBuffer cursor = allocate(handle.batchCursorSize());
        ByteBuffer keys = allocate(handle, chunk, handle.keySize());
        ByteBuffer values = allocate(handle, chunk, handle.valueBufferSize());
        boolean started = false;
        while (true) {
            BatchResult result;
            try {
                ByteBuffer in = started ? cursor : null;
                result = delete ? handle.lookupAndDeleteBatch(in, cursor, keys, values, chunk)
                        : handle.lookupBatch(in, cursor, keys, values, chunk);
            } catch (BpfException e) {
                if (e.errno() != Errno.ENOSPC) {
                    throw e;
                }
                // One hash bucket holds more elements than a chunk: nothing was read, retry larger.
                if (chunk > Integer.MAX_VALUE / 2) {
                    throw e;
                }
                chunk *= 2;
                keys = allocate(handle, chunk, handle.keySize());
                values = allocate(handle, chunk, handle.valueBufferSize());
                continue;
            }
            for (int i = 0; i < result.count(); i++) {
                sink.accept(keys, i * handle.keySize(), values, i * handle.valueBufferSize());
            }
            if (result.exhausted()) {
                return;
            }
            started = true;
        }
    }

    /** A buffer of {@code count} packed elements of {@code size} bytes. */
    private static ByteBuffer allocate(MapHandle handle, int count, int size) {
        long bytes = (long) count * size;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("map '" + Printable.escape(handle.name()) + "': a batch of " + count
                    + " elements of " + size + " bytes does not fit one buffer");
        }
        return allocate((int) bytes);
    }

    private static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }
}
