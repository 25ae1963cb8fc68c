package io.bpf4j.test.fake;

import io.bpf4j.codec.Codec;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.TimeUnit;
import java.util.Objects;

/**
 * The producer side of a fake perf event array: what a BPF program does with
 * {@code bpf_perf_event_output} on a given CPU.
 *
 * <p>Samples go to the perf buffer opened on the map (the latest one), in the kernel's layout:
 * per CPU a metadata page with {@code data_head} and {@code data_tail} and a data area of
 * {@code struct perf_event_header}-framed records ({@code PERF_RECORD_SAMPLE} with its raw size
 * rounded so the record is a multiple of 8 bytes, as the kernel rounds it). A sample that does not
 * fit is lost (as in the kernel, one byte of the ring always stays free); the loss is reported to
 * the reader as a {@code PERF_RECORD_LOST} record before the next sample that fits, as the kernel
 * does. Tests can also inject lost counts directly.
 */
public final class FakePerfBuffer {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final int DATA_HEAD = 1024;
    private static final int DATA_TAIL = 1032;
    private static final int PERF_RECORD_LOST = 2;
    private static final int PERF_RECORD_SAMPLE = 9;
    private static final int LOST_RECORD_SIZE = 24;
    /** The page size the fake lays rings out in. */
    static final int PAGE_SIZE = 4096;
    /** The largest record a {@code perf_event_header}'s u16 size describes. */
    private static final int MAX_RECORD_SIZE = 0xFFFF;

    private final String name;
    private final int cpus;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private Rings rings;

    /** The memory of one opened perf buffer: a metadata page and a data area per CPU. */
    static final class Rings {
        final ByteBuffer[] metadata;
        final ByteBuffer[] data;
        final long[] pendingLost;

        Rings(int cpus, int pagesPerCpu) {
            metadata = new ByteBuffer[cpus];
            data = new ByteBuffer[cpus];
            pendingLost = new long[cpus];
            for (int cpu = 0; cpu < cpus; cpu++) {
                metadata[cpu] = ByteBuffer.allocateDirect(PAGE_SIZE).order(ByteOrder.nativeOrder());
                data[cpu] = ByteBuffer.allocateDirect(pagesPerCpu * PAGE_SIZE).order(ByteOrder.nativeOrder());
            }
        }
    }

    FakePerfBuffer(String name, int cpus) {
        this.name = name;
        this.cpus = cpus;
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /** Outputs a sample encoded by {@code codec} on {@code cpu}; false when it was lost or no buffer is open. */
    public <T> boolean output(int cpu, Codec<T> codec, T value) {
        ByteBuffer sample = ByteBuffer.allocate(codec.size()).order(ByteOrder.nativeOrder());
        codec.encode(value, sample, 0);
        return output(cpu, sample.array());
    }

    /**
     * Outputs a raw sample on {@code cpu}; false when no perf buffer is open on the map (the kernel
     * answers ENOENT) or the CPU's ring has no room (the sample is counted as lost).
     *
     * @throws IllegalArgumentException when the sample's record would exceed the 65535 bytes a
     *     {@code perf_event_header.size} holds (the kernel refuses such an output)
     */
    public boolean output(int cpu, byte[] sample) {
        Objects.requireNonNull(sample, "sample");
        checkCpu(cpu);
        if (((8L + 4 + sample.length + 7) & ~7) > MAX_RECORD_SIZE) {
            throw new IllegalArgumentException("perf buffer '" + name + "': a sample of " + sample.length
                    + " bytes makes a record larger than " + MAX_RECORD_SIZE + " bytes (perf_event_header.size)");
        }
        lock.lock();
        try {
            if (rings == null) {
                return false;
            }
            int size = (8 + 4 + sample.length + 7) & ~7;
            int rawSize = size - 8 - 4; // the kernel counts the padding as raw data
            long needed = size + (rings.pendingLost[cpu] > 0 ? LOST_RECORD_SIZE : 0);
            if (free(cpu) < needed) {
                rings.pendingLost[cpu]++;
                return false;
            }
            flushLost(cpu);
            ByteBuffer record = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
            record.putInt(0, PERF_RECORD_SAMPLE).putShort(4, (short) 0).putShort(6, (short) size);
            record.putInt(8, rawSize).put(12, sample);
            append(cpu, record.array());
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Reports {@code count} lost samples on {@code cpu}, as the kernel does when a ring overflows. */
    public void lose(int cpu, long count) {
        checkCpu(cpu);
        if (count < 0) {
            throw new IllegalArgumentException("perf buffer '" + name + "': count must not be negative, not " + count);
        }
        lock.lock();
        try {
            if (rings == null) {
                throw new IllegalStateException("no perf buffer is open on '" + name + "'");
            }
            rings.pendingLost[cpu] += count;
            if (free(cpu) >= LOST_RECORD_SIZE) {
                flushLost(cpu);
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkCpu(int cpu) {
        Objects.checkIndex(cpu, cpus);
    }

    /** Free bytes as the kernel counts them ({@code CIRC_SPACE}): one byte always stays unused. */
    private long free(int cpu) {
        long head = rings.metadata[cpu].getLong(DATA_HEAD);
        long tail = (long) LONG.getAcquire(rings.metadata[cpu], DATA_TAIL);
        return rings.data[cpu].capacity() - (head - tail) - 1;
    }

    private void flushLost(int cpu) {
        if (rings.pendingLost[cpu] == 0) {
            return;
        }
        ByteBuffer record = ByteBuffer.allocate(LOST_RECORD_SIZE).order(ByteOrder.nativeOrder());
        record.putInt(0, PERF_RECORD_LOST).putShort(6, (short) LOST_RECORD_SIZE);
        record.putLong(16, rings.pendingLost[cpu]);
        rings.pendingLost[cpu] = 0;
        append(cpu, record.array());
    }

    private void append(int cpu, byte[] record) {
        ByteBuffer data = rings.data[cpu];
        long head = rings.metadata[cpu].getLong(DATA_HEAD);
        int mask = data.capacity() - 1;
        for (int i = 0; i < record.length; i++) {
            data.put((int) ((head + i) & mask), record[i]);
        }
        LONG.setRelease(rings.metadata[cpu], DATA_HEAD, head + record.length);
        written.signalAll();
    }

    /** Opens the rings a new perf buffer reads; samples go there from now on. */
    Rings open(int pagesPerCpu) {
        lock.lock();
        try {
            rings = new Rings(cpus, pagesPerCpu);
            return rings;
        } finally {
            lock.unlock();
        }
    }

    /** Called when a perf buffer closes: its rings receive nothing more. */
    void closed(Rings closedRings) {
        lock.lock();
        try {
            if (rings == closedRings) {
                rings = null;
            }
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until any CPU's ring of {@code of} holds unread records, or the timeout passes. */
    boolean awaitData(Rings of, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (!hasData(of)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || rings != of) {
                    return false;
                }
                written.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private static boolean hasData(Rings of) {
        for (ByteBuffer metadata : of.metadata) {
            if ((long) LONG.getAcquire(metadata, DATA_HEAD) > (long) LONG.getAcquire(metadata, DATA_TAIL)) {
                return true;
            }
        }
        return false;
    }
}
