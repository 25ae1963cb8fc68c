package io.bpf4j.program;

import java.util.Objects;

/**
 * Where to attach a program explicitly, one record per attach kind. The program must be of the
 * matching kind (a {@code uprobe} program for {@link Uprobe}, an {@code xdp} program for {@link Xdp}
 * and so on); the backend reports a mismatch as the kernel answers it.
 *
 * <p>Attachments made through links ({@link Xdp}, {@link Tcx}, {@link Cgroup}, tracing kinds) end
 * when the link is closed or the owning process dies, unless pinned. {@link Tc} filters and
 * {@link SocketFilter}s are not links: they are removed on close, and a {@link Tc} filter outlives a
 * process that dies without closing it.
 */
public sealed interface AttachTarget {
    /** A kernel tracepoint, e.g. {@code syscalls/sys_enter_openat}. */
    record Tracepoint(String category, String name) implements AttachTarget {
        public Tracepoint {
            requireText(category, "category");
            requireText(name, "name");
        }
    }

    /** A raw tracepoint by name, e.g. {@code sched_switch}. */
    record RawTracepoint(String name) implements AttachTarget {
        public RawTracepoint {
            requireText(name, "name");
        }
    }

    /**
     * A kernel function's entry or (with {@code retprobe}) return.
     *
     * @param offset bytes from the function's start; 0 for its entry
     */
    record Kprobe(String function, long offset, boolean retprobe) implements AttachTarget {
        public Kprobe {
            requireText(function, "function");
            requireNonNegative(offset, "offset");
        }
    }

    /**
     * A user-space function's entry or (with {@code retprobe}) return.
     *
     * @param binary a path, or a library's short name: {@code "c"} means the {@code libc.so.*} this
     *     process uses (found in its memory map, else in the dynamic linker's cache)
     * @param symbol the function's symbol, resolved by the backend; {@code null} to probe at
     *     {@code offset} in the file
     * @param offset bytes from the symbol (or from the file's start when {@code symbol} is null)
     * @param pid the process to probe, or {@link #ALL_PROCESSES}
     */
    record Uprobe(String binary, String symbol, long offset, int pid, boolean retprobe) implements AttachTarget {
        /** Probes every process that maps the binary. */
        public static final int ALL_PROCESSES = -1;

        public Uprobe {
            requireText(binary, "binary");
            requireNonNegative(offset, "offset");
            requirePid(pid);
        }
    }

    /**
     * A user-space statically defined tracepoint ({@code DTRACE_PROBE}) of a binary.
     *
     * @param binary a path or a library's short name, as for {@link Uprobe}
     * @param pid the process to probe, or {@link Uprobe#ALL_PROCESSES}
     */
    record Usdt(String binary, String provider, String name, int pid) implements AttachTarget {
        public Usdt {
            requireText(binary, "binary");
            requireText(provider, "provider");
            requireText(name, "name");
            requirePid(pid);
        }
    }

    /**
     * A perf event opened for the program ({@code perf_event_open(2)}), e.g. software cpu-clock
     * sampling.
     *
     * @param type {@code perf_event_attr.type}, e.g. {@link #TYPE_SOFTWARE}
     * @param config {@code perf_event_attr.config}, e.g. {@link #SW_CPU_CLOCK}
     * @param samplePeriodOrFrequency events between samples, or samples per second when
     *     {@code frequency} is set
     * @param cpu the CPU to sample, or -1 for every CPU the process runs on (then {@code pid} must
     *     name a process)
     * @param pid the process to sample, or -1 for every process on {@code cpu}
     */
    record PerfEvent(int type, long config, long samplePeriodOrFrequency, boolean frequency, int cpu, int pid)
            implements AttachTarget {
        /** {@code PERF_TYPE_SOFTWARE}. */
        public static final int TYPE_SOFTWARE = 1;
        /** {@code PERF_COUNT_SW_CPU_CLOCK}: a high-resolution per-CPU timer. */
        public static final long SW_CPU_CLOCK = 0;

        public PerfEvent {
            if (samplePeriodOrFrequency <= 0) {
                throw new IllegalArgumentException("samplePeriodOrFrequency must be positive, not " + samplePeriodOrFrequency);
            }
            if (cpu < -1 || pid < -1 || (cpu == -1 && pid == -1)) {
                throw new IllegalArgumentException("cpu " + cpu + " and pid " + pid
                        + ": each is -1 or a number, and not both -1");
            }
        }

        /** Software cpu-clock sampling of every process on one CPU at {@code hertz} samples per second. */
        public static PerfEvent cpuClock(int cpu, long hertz) {
            return new PerfEvent(TYPE_SOFTWARE, SW_CPU_CLOCK, hertz, true, cpu, -1);
        }
    }

    /**
     * An XDP program on a network interface, through a BPF link.
     *
     * @param replace when true, attach without a link, replacing whatever program the interface
     *     runs; such an attachment is removed on close but outlives a process that dies
     */
    record Xdp(int ifindex, XdpMode mode, boolean replace) implements AttachTarget {
        public Xdp {
            requireIfindex(ifindex);
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** Where an XDP program runs. */
    enum XdpMode {
        /** The kernel's choice: the driver when it supports XDP, else generic. */
        ANY,
        /** In the network stack after the socket buffer is built; works on every device. */
        GENERIC,
        /** In the driver, before any allocation. */
        DRIVER
    }

    /** A packet direction at a network interface. */
    enum Direction {
        INGRESS,
        EGRESS
    }

    /**
     * A tc classifier in the interface's {@code clsact} qdisc (created when missing), direct-action.
     *
     * @param handle the filter's handle, or 0 to let the kernel choose
     * @param priority the filter's priority, or 0 to let the kernel choose
     */
    record Tc(int ifindex, Direction direction, int handle, int priority) implements AttachTarget {
        public Tc {
            requireIfindex(ifindex);
            Objects.requireNonNull(direction, "direction");
            if (priority < 0 || priority > 0xFFFF) {
                throw new IllegalArgumentException("priority must be 0 to 65535, not " + priority);
            }
        }
    }

    /** A tc program through a tcx link (kernel 6.6+): removed when the link is closed or its owner dies. */
    record Tcx(int ifindex, Direction direction) implements AttachTarget {
        public Tcx {
            requireIfindex(ifindex);
            Objects.requireNonNull(direction, "direction");
        }
    }

    /**
     * A cgroup v2 hook.
     *
     * @param cgroupPath the cgroup's directory, e.g. {@code /sys/fs/cgroup/unified/app}
     * @param attachType the hook as a libbpf section name (e.g. {@code "cgroup_skb/egress"},
     *     {@code "cgroup/sock_create"}); null for the hook of the program's own {@code SEC()} name
     */
    record Cgroup(String cgroupPath, String attachType) implements AttachTarget {
        public Cgroup {
            requireText(cgroupPath, "cgroupPath");
        }
    }

    /** A socket filter on an open socket ({@code SO_ATTACH_BPF}); closing detaches it. */
    record SocketFilter(int socketFd) implements AttachTarget {
        public SocketFilter {
            if (socketFd < 0) {
                throw new IllegalArgumentException("socketFd must be an open file descriptor, not " + socketFd);
            }
        }
    }

    /** A BPF iterator ({@code iter/...}); its output is read with {@link BpfLink#openIterator()}. */
    record Iterator() implements AttachTarget {}

    /**
     * A BTF-typed tracing program ({@code tp_btf}, {@code fentry}, {@code fexit}, {@code fmod_ret})
     * at the target chosen when it was loaded.
     */
    record Tracing() implements AttachTarget {}

    /** An LSM program at the hook chosen when it was loaded. */
    record Lsm() implements AttachTarget {}

    private static void requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    private static void requireNonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative, not " + value);
        }
    }

    private static void requirePid(int pid) {
        if (pid < -1 || pid == 0) {
            throw new IllegalArgumentException("pid must be a process id or -1 (all processes), not " + pid);
        }
    }

    private static void requireIfindex(int ifindex) {
        if (ifindex <= 0) {
            throw new IllegalArgumentException("ifindex must be a network interface's index (1 or more), not " + ifindex);
        }
    }
}
