package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.program.AttachTarget;

/** {@code perf_event_open(2)} for a {@link AttachTarget.PerfEvent}: the event a perf_event program runs on. */
final class PerfEventOpen {
    private static final long SYS_PERF_EVENT_OPEN = Platform.isIntel() ? 298 : 241;
    /** {@code sizeof(struct perf_event_attr)} as of PERF_ATTR_SIZE_VER8. */
    private static final int ATTR_SIZE = 128;
    private static final long FLAG_DISABLED = 1L;
    private static final long FLAG_FREQ = 1L << 10;
    private static final long PERF_FLAG_FD_CLOEXEC = 8;

    private PerfEventOpen() {}

    /**
     * Opens the event, disabled (libbpf enables it once the program is attached).
     *
     * @throws UnsupportedFeatureException when the kernel has no PMU for the event type (ENOENT)
     * @throws BpfException naming the pid or cpu the kernel refused
     */
    static int open(AttachTarget.PerfEvent event) {
        int errno;
        long fd;
        try (Memory attr = new Memory(ATTR_SIZE)) {
            attr.clear();
            attr.setInt(0, event.type());
            attr.setInt(4, ATTR_SIZE);
            attr.setLong(8, event.config());
            attr.setLong(16, event.samplePeriodOrFrequency());
            attr.setLong(40, FLAG_DISABLED | (event.frequency() ? FLAG_FREQ : 0));
            fd = LibC.syscall(SYS_PERF_EVENT_OPEN, Pointer.nativeValue(attr), event.pid(), event.cpu(), -1,
                    PERF_FLAG_FD_CLOEXEC);
            errno = Native.getLastError();
        }
        if (fd >= 0) {
            return (int) fd;
        }
        String operation = "opening perf event " + event;
        switch (errno) {
            case Errno.ENOENT:
            case Errno.EOPNOTSUPP:
                throw new UnsupportedFeatureException(operation, errno,
                        "perf events of type " + event.type() + ": no such PMU on this kernel (hardware events are"
                                + " unavailable in most VMs; software events are type " + AttachTarget.PerfEvent.TYPE_SOFTWARE + ")");
            case Errno.ESRCH:
                throw new BpfException(operation, errno, "pid " + event.pid() + ": no such process");
            case Errno.EINVAL:
            case Errno.ENODEV:
                throw new BpfException(operation, errno, "cpu " + event.cpu() + " or the event's config "
                        + event.config() + " is invalid (this machine has CPUs 0 to "
                        + (LibBpf.libbpf_num_possible_cpus() - 1) + ")");
            default:
                throw KernelErrors.failure(operation, errno, null);
        }
    }
}
