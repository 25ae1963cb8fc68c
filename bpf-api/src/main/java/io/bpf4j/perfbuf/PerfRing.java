package io.bpf4j.perfbuf;

import io.bpf4j.ringbuf.HandlerFailures;
import io.bpf4j.ringbuf.RecordHandler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One CPU's perf ring, consumed as the kernel's perf output expects: an acquire load of
 * {@code data_head}, records read in place (or, when one wraps around the end of the data area,
 * from a copy), and a release store of {@code data_tail} once a record's handler is done with it.
 */
final class PerfRing {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    /** {@code struct perf_event_mmap_page}: where the kernel writes and where the reader has read to. */
    static final int DATA_HEAD = 1024;
    static final int DATA_TAIL = 1032;

    /** {@code struct perf_event_header}: u32 type, u16 misc, u16 size (of the whole record). */
    static final int HEADER_SIZE = 8;
    private static final int SIZE_OFFSET = 6;
    static final int PERF_RECORD_LOST = 2;
    static final int PERF_RECORD_SAMPLE = 9;
    /** A sample with {@code PERF_SAMPLE_RAW} only: the header, u32 size, then the raw bytes. */
    private static final int RAW_SIZE_OFFSET = HEADER_SIZE;
    private static final int RAW_DATA_OFFSET = HEADER_SIZE + 4;
    /** A lost record: the header, u64 id, u64 lost. */
    private static final int LOST_COUNT_OFFSET = HEADER_SIZE + 8;

    private final String name;
    private final int cpu;
    private final ByteBuffer metadata;
    private final ByteBuffer data;
    private final int size;
    private volatile long lost;

    PerfRing(String name, int cpu, ByteBuffer metadata, ByteBuffer data) {
        this.name = name;
        this.cpu = cpu;
        this.metadata = metadata;
        this.data = data;
        this.size = data.capacity();
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("perf buffer '" + name + "' CPU " + cpu + ": data size " + size
                    + " is not a power of two");
        }
    }

    /** The data area's size, which bounds a record's. */
    int size() {
        return size;
    }

    /** Samples the kernel reported dropped on this CPU so far. */
    long lost() {
        return lost;
    }

    /**
     * Delivers every record written so far. Handler exceptions are added to {@code failures}; the
     * record is consumed either way.
     *
     * @param scratch receives a record that wraps around the end; at least {@code min(size(), 65535)} bytes
     * @return the number of samples delivered
     */
    int drain(RecordHandler samples, LostHandler onLost, ByteBuffer scratch, HandlerFailures failures) {
        long head = (long) LONG.getAcquire(metadata, DATA_HEAD);
        long tail = metadata.getLong(DATA_TAIL); // only this reader writes it
        int delivered = 0;
        while (tail < head) {
            int at = (int) (tail & (size - 1));
            int recordSize = Short.toUnsignedInt(data.getShort(at + SIZE_OFFSET));
            if (recordSize < HEADER_SIZE || recordSize > head - tail) {
                throw new IllegalStateException("perf buffer '" + name + "' CPU " + cpu + ": corrupt record of "
                        + recordSize + " bytes at position " + tail + " (head " + head + ")");
            }
            ByteBuffer record = data;
            int offset = at;
            if (at + recordSize > size) {
                int first = size - at;
                scratch.put(0, data, at, first);
                scratch.put(first, data, 0, recordSize - first);
                record = scratch;
                offset = 0;
            }
            try {
                int type = record.getInt(offset);
                if (type == PERF_RECORD_SAMPLE) {
                    delivered++; // counted before the handler runs: a failing call was a delivery too
                    deliverSample(record, offset, recordSize, samples);
                } else if (type == PERF_RECORD_LOST) {
                    deliverLost(record, offset, onLost);
                }
                // Other record types (throttling and the like) carry nothing a BPF reader needs.
            } catch (Exception e) {
                failures.add(e);
            } finally {
                // Released only after the handler: the kernel may overwrite the space at once.
                tail += recordSize;
                LONG.setRelease(metadata, DATA_TAIL, tail);
            }
        }
        return delivered;
    }

    private void deliverSample(ByteBuffer record, int offset, int recordSize, RecordHandler samples) {
        int rawSize = record.getInt(offset + RAW_SIZE_OFFSET);
        if (rawSize < 0 || RAW_DATA_OFFSET + rawSize > recordSize) {
            throw new IllegalStateException("perf buffer '" + name + "' CPU " + cpu + ": a sample of "
                    + recordSize + " bytes claims " + Integer.toUnsignedString(rawSize) + " raw bytes");
        }
        samples.onRecord(record, offset + RAW_DATA_OFFSET, rawSize);
    }

    private void deliverLost(ByteBuffer record, int offset, LostHandler onLost) {
        long count = record.getLong(offset + LOST_COUNT_OFFSET);
        lost += count; // only the draining thread writes it
        onLost.onLost(cpu, count);
    }
}
