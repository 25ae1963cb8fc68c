package io.bpf4j.map;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.spi.BatchResult;
import io.bpf4j.spi.MapHandle;
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
        int chunk = Math.min(DEFAULT_CHUNK, Math.max(handle.maxEntries(), 1));
        ByteBuffer cursor = allocate(handle.batchCursorSize());
        ByteBuffer keys = allocate(handle.keySize() * chunk);
        ByteBuffer values = allocate(handle.valueBufferSize() * chunk);
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
                chunk *= 2;
                keys = allocate(handle.keySize() * chunk);
                values = allocate(handle.valueBufferSize() * chunk);
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

    private static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }
}
