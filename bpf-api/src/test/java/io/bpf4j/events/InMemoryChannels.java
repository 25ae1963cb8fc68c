package io.bpf4j.events;

import io.bpf4j.spi.PerfBufferMemory;
import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A ring buffer and a perf buffer laid out as the kernel lays them out, written by the tests as
 * the kernel's producers would. Neither producer signals: a wait records its timeout, runs
 * {@code onAwait} (where a test may produce, as a {@code BPF_RB_NO_WAKEUP} producer would) and
 * times out.
 */
final class InMemoryChannels {
    private InMemoryChannels() {}

    /** A BPF ring buffer: consumer and producer positions, the data area mirrored as the double mapping is. */
    static final class Ring implements RingBufferMemory {
        private final int size;
        private final ByteBuffer consumer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        private final ByteBuffer producer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        private final ByteBuffer data;
        final List<Long> waits = new CopyOnWriteArrayList<>();
        volatile Runnable onAwait = () -> { };
        int closes;

        Ring(int size) {
            this.size = size;
            this.data = ByteBuffer.allocateDirect(2 * size).order(ByteOrder.nativeOrder());
        }

        /** Appends a committed 4-byte record holding {@code value}. */
        synchronized void append(int value) {
            long pos = producer.getLong(0);
            putInt(pos, 4);
            putInt(pos + 8, value);
            producer.putLong(0, pos + 16);
        }

        private void putInt(long pos, int value) {
            int at = (int) (pos & (size - 1));
            data.putInt(at, value);
            data.putInt(at + size, value);
        }

        long consumed() {
            return consumer.getLong(0);
        }

        @Override public int size() { return size; }
        @Override public ByteBuffer consumerPosition() { return consumer; }
        @Override public ByteBuffer producerPosition() { return producer; }
        @Override public ByteBuffer data() { return data; }

        @Override
        public boolean awaitData(long timeoutMillis) {
            waits.add(timeoutMillis);
            onAwait.run();
            return false;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    /** Per-CPU perf rings: a {@code perf_event_mmap_page} (head at 1024, tail at 1032) and a data area each. */
    static final class PerfBuffer implements PerfBufferMemory {
        private static final int DATA_HEAD = 1024;
        private static final int DATA_TAIL = 1032;

        private final ByteBuffer[] metadata;
        private final ByteBuffer[] data;
        final List<Long> waits = new CopyOnWriteArrayList<>();
        volatile Runnable onAwait = () -> { };

        PerfBuffer(int cpus, int dataSize) {
            metadata = new ByteBuffer[cpus];
            data = new ByteBuffer[cpus];
            for (int cpu = 0; cpu < cpus; cpu++) {
                metadata[cpu] = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
                data[cpu] = ByteBuffer.allocateDirect(dataSize).order(ByteOrder.nativeOrder());
            }
        }

        /** Writes a {@code PERF_RECORD_SAMPLE} whose raw bytes are one u32, padded as the kernel pads. */
        synchronized void sample(int cpu, int value) {
            ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            r.putInt(0, 9).putShort(6, (short) 16).putInt(8, 4).putInt(12, value);
            write(cpu, r.array());
        }

        /** Writes a {@code PERF_RECORD_LOST} for {@code count} dropped samples. */
        synchronized void lost(int cpu, long count) {
            ByteBuffer r = ByteBuffer.allocate(24).order(ByteOrder.nativeOrder());
            r.putInt(0, 2).putShort(6, (short) 24).putLong(8, 77).putLong(16, count);
            write(cpu, r.array());
        }

        private void write(int cpu, byte[] record) {
            long head = metadata[cpu].getLong(DATA_HEAD);
            int size = data[cpu].capacity();
            for (int i = 0; i < record.length; i++) {
                data[cpu].put((int) ((head + i) & (size - 1)), record[i]);
            }
            metadata[cpu].putLong(DATA_HEAD, head + record.length);
        }

        boolean consumedAll(int cpu) {
            return metadata[cpu].getLong(DATA_TAIL) == metadata[cpu].getLong(DATA_HEAD);
        }

        @Override public int cpuCount() { return data.length; }
        @Override public ByteBuffer metadata(int cpu) { return metadata[cpu]; }
        @Override public ByteBuffer data(int cpu) { return data[cpu]; }

        @Override
        public boolean awaitData(long timeoutMillis) {
            waits.add(timeoutMillis);
            onAwait.run();
            return false;
        }

        @Override
        public void close() {
        }
    }
}
