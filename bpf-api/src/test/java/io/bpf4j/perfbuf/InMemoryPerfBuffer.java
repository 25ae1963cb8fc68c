package io.bpf4j.perfbuf;

import io.bpf4j.spi.PerfBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-CPU perf rings laid out as the kernel lays them out ({@code perf_event_mmap_page} and a
 * power-of-two data area of {@code perf_event_header}-framed records), written by the test as the
 * kernel's perf output would write them.
 */
final class InMemoryPerfBuffer implements PerfBufferMemory {
    static final int DATA_HEAD = 1024;
    static final int DATA_TAIL = 1032;

    private final ByteBuffer[] metadata;
    private final ByteBuffer[] data;
    final List<Long> waits = new ArrayList<>();
    /** Set as a backend closing the memory behind the reader's back (its object closing) would. */
    boolean closedByBackend;
    int closes;

    InMemoryPerfBuffer(int cpus, int dataSize) {
        metadata = new ByteBuffer[cpus];
        data = new ByteBuffer[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            metadata[cpu] = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
            data[cpu] = ByteBuffer.allocateDirect(dataSize).order(ByteOrder.nativeOrder());
        }
    }

    /** Writes a {@code PERF_RECORD_SAMPLE} whose raw bytes are {@code values} (u32 each), padded as the kernel pads. */
    void sample(int cpu, int... values) {
        int rawSize = 4 * values.length;
        int size = (8 + 4 + rawSize + 7) & ~7;
        byte[] record = new byte[size];
        ByteBuffer r = ByteBuffer.wrap(record).order(ByteOrder.nativeOrder());
        r.putInt(0, 9).putShort(6, (short) size).putInt(8, size - 12);
        for (int i = 0; i < values.length; i++) {
            r.putInt(12 + 4 * i, values[i]);
        }
        write(cpu, record);
    }

    /** Writes a {@code PERF_RECORD_LOST} for {@code count} dropped samples. */
    void lost(int cpu, long count) {
        byte[] record = new byte[24];
        ByteBuffer.wrap(record).order(ByteOrder.nativeOrder()).putInt(0, 2).putShort(6, (short) 24)
                .putLong(8, 77).putLong(16, count);
        write(cpu, record);
    }

    /** Writes a record of a type a BPF reader has no use for ({@code PERF_RECORD_THROTTLE}). */
    void throttle(int cpu) {
        byte[] record = new byte[24];
        ByteBuffer.wrap(record).order(ByteOrder.nativeOrder()).putInt(0, 5).putShort(6, (short) 24);
        write(cpu, record);
    }

    /** Moves the ring's head and tail to {@code position}, as if that much had been written and read. */
    void skipTo(int cpu, long position) {
        metadata[cpu].putLong(DATA_HEAD, position).putLong(DATA_TAIL, position);
    }

    private void write(int cpu, byte[] record) {
        long head = metadata[cpu].getLong(DATA_HEAD);
        int size = data[cpu].capacity();
        for (int i = 0; i < record.length; i++) {
            data[cpu].put((int) ((head + i) & (size - 1)), record[i]);
        }
        metadata[cpu].putLong(DATA_HEAD, head + record.length);
    }

    long tail(int cpu) {
        return metadata[cpu].getLong(DATA_TAIL);
    }

    long head(int cpu) {
        return metadata[cpu].getLong(DATA_HEAD);
    }

    @Override public int cpuCount() { return data.length; }
    @Override public ByteBuffer metadata(int cpu) { return metadata[cpu]; }
    @Override public ByteBuffer data(int cpu) { return data[cpu]; }

    @Override
    public boolean awaitData(long timeoutMillis) {
        waits.add(timeoutMillis);
        return false;
    }

    @Override
    public boolean beginRead() {
        return !closedByBackend;
    }

    @Override
    public void close() {
        closes++;
    }
}
