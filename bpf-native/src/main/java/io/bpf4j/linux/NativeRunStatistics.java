package io.bpf4j.linux;

import io.bpf4j.program.RunStatistics;
import java.util.concurrent.atomic.AtomicBoolean;

/** The fd of {@code BPF_ENABLE_STATS(BPF_STATS_RUN_TIME)}: the kernel counts program runs while it is open. */
final class NativeRunStatistics implements RunStatistics {
    private static final int BPF_STATS_RUN_TIME = 0;

    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NativeRunStatistics(int fd) {
        this.fd = fd;
    }

    static NativeRunStatistics enable() {
        int fd = BpfCommands.enableStats(BPF_STATS_RUN_TIME);
        if (fd < 0) {
            throw KernelErrors.failure("enabling BPF run statistics (BPF_ENABLE_STATS)", -fd, null);
        }
        return new NativeRunStatistics(fd);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LibC.close(fd);
        }
    }
}
