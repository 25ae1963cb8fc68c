package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Keeps the calling thread on one CPU until closed, then restores its CPU set: a test that floods
 * a per-CPU perf ring needs every sample to land on the same CPU.
 */
final class CpuPinning implements AutoCloseable {
    /** {@code cpu_set_t} of 1024 CPUs, glibc's default size. */
    private static final int MASK_SIZE = 128;

    private final Memory saved;

    private CpuPinning(Memory saved) {
        this.saved = saved;
    }

    static CpuPinning pinTo(int cpu) {
        Memory saved = new Memory(MASK_SIZE);
        if (LibC.sched_getaffinity(0, MASK_SIZE, Pointer.nativeValue(saved)) < 0) {
            throw new IllegalStateException("sched_getaffinity failed: errno " + Native.getLastError());
        }
        try (Memory mask = new Memory(MASK_SIZE)) {
            mask.clear();
            mask.setByte(cpu / 8, (byte) (1 << (cpu % 8)));
            if (LibC.sched_setaffinity(0, MASK_SIZE, Pointer.nativeValue(mask)) < 0) {
                throw new IllegalStateException("sched_setaffinity to CPU " + cpu + " failed: errno " + Native.getLastError());
            }
        }
        return new CpuPinning(saved);
    }

    @Override
    public void close() {
        try {
            if (LibC.sched_setaffinity(0, MASK_SIZE, Pointer.nativeValue(saved)) < 0) {
                throw new IllegalStateException("restoring the CPU set failed: errno " + Native.getLastError());
            }
        } finally {
            saved.close();
        }
    }
}
