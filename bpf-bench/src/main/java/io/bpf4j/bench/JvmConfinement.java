package io.bpf4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps every thread of this JVM (compiler, GC, the benchmark's own) on one CPU while open, so
 * that the stream benchmark's producer has the other CPU to itself, as it has in the C harness,
 * whose process has no other thread. Closing gives each thread its former mask back. Threads
 * started while open inherit the confinement and keep it (they are the benchmark's short-lived
 * threads, or JIT compiler threads, which only loses them a CPU).
 */
final class JvmConfinement implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");

    private final Map<Integer, Long> formerMasks;
    private boolean closed;

    private JvmConfinement(Map<Integer, Long> formerMasks) {
        this.formerMasks = formerMasks;
    }

    /**
     * Moves every thread of this JVM onto {@code cpu}.
     *
     * @throws IllegalStateException naming the thread and errno when the kernel refuses
     */
    static JvmConfinement to(int cpu) {
        long mask = CpuAffinity.maskOf(cpu);
        Map<Integer, Long> former = new HashMap<>();
        JvmConfinement confinement = new JvmConfinement(former);
        try {
            for (int tid : threadIds()) {
                long old = CpuAffinity.get(tid);
                // A thread that ended since the listing (ESRCH) needs no confining.
                if (old >= 0 && setUnlessGone(tid, mask, "confining")) {
                    former.put(tid, old);
                }
            }
        } catch (RuntimeException e) {
            confinement.close();
            throw e;
        }
        return confinement;
    }

    /** Gives every thread confined here its former mask back. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        formerMasks.forEach((tid, mask) -> setUnlessGone(tid, mask, "restoring"));
    }

    /** Sets the mask; false when the thread has ended meanwhile (nothing left to set). */
    private static boolean setUnlessGone(int tid, long mask, String what) {
        int errno = CpuAffinity.set(tid, mask);
        if (errno == CpuAffinity.ESRCH) {
            return false;
        }
        if (errno != 0) {
            throw new IllegalStateException(what + " the CPU mask of thread " + tid + " failed: errno " + errno);
        }
        return true;
    }

    private static List<Integer> threadIds() {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.map(task -> Integer.valueOf(task.getFileName().toString())).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + TASKS, e);
        }
    }
}
