package io.bpf4j.bench;

import com.sun.jna.Native;

/**
 * CPU affinity of single threads (sched_setaffinity(2)/sched_getaffinity(2) through JNA direct
 * mapping), so that the stream benchmark's producer and consumer run on the CPUs the C harness
 * uses. Masks are one 64-bit word: CPUs 0 to 63.
 */
final class CpuAffinity {
    /** The errno of a thread that no longer exists. */
    static final int ESRCH = 3;

    static {
        Native.register("c");
    }

    private CpuAffinity() {
    }

    /**
     * Restricts the calling thread to {@code cpu}.
     *
     * @throws IllegalStateException naming the errno when the kernel refuses (say, no such CPU)
     */
    static void pinCurrentThread(int cpu) {
        // tid 0: the calling thread (Linux affinity is per thread).
        int errno = set(0, maskOf(cpu));
        if (errno != 0) {
            throw new IllegalStateException("sched_setaffinity(CPU " + cpu + ") failed: errno " + errno);
        }
    }

    /** The mask holding only {@code cpu}. */
    static long maskOf(int cpu) {
        if (cpu < 0 || cpu >= Long.SIZE) {
            throw new IllegalArgumentException("CPU " + cpu + " is outside a one-word CPU mask");
        }
        return 1L << cpu;
    }

    /** Sets the mask of thread {@code tid}; 0 or the errno. */
    static int set(int tid, long mask) {
        return sched_setaffinity(tid, Long.BYTES, new long[] {mask}) == 0 ? 0 : Native.getLastError();
    }

    /**
     * The mask of thread {@code tid}, or minus the errno.
     *
     * @throws IllegalStateException when the thread may run on CPUs beyond the first 64
     */
    static long get(int tid) {
        long[] mask = new long[1];
        if (sched_getaffinity(tid, Long.BYTES, mask) != 0) {
            int errno = Native.getLastError();
            if (errno == ESRCH) {
                return -ESRCH;
            }
            throw new IllegalStateException("sched_getaffinity(thread " + tid + ") failed: errno " + errno
                    + " (more than 64 CPUs?)");
        }
        return mask[0];
    }

    private static native int sched_setaffinity(int tid, long maskSize, long[] mask);

    private static native int sched_getaffinity(int tid, long maskSize, long[] mask);
}
