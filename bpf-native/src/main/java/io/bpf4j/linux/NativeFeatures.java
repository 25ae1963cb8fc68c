package io.bpf4j.linux;

import io.bpf4j.Errno;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ProgramKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link io.bpf4j.features.KernelFeatures} of the running kernel, answered by trying: libbpf's probes load a tiny
 * program of each type or create a map of each type; helpers are probed by loading a program that
 * calls them; trampolines and tp_btf by loading (and attaching) a tiny program at a real kernel
 * function or tracepoint; kprobes and uprobes by their event sources. Every answer is computed once.
 */
final class NativeFeatures implements io.bpf4j.features.KernelFeatures {
    static final String NO_TCX = "tcx: the kernel has no tcx links (Linux 6.6 or newer is needed)";

    private static final Path UPROBE_PMU = Path.of("/sys/bus/event_source/devices/uprobe");

    private final Map<ProgramKind, Boolean> programTypes = new ConcurrentHashMap<>();
    private final Map<MapType, Boolean> mapTypes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> helpers = new ConcurrentHashMap<>();
    private final Map<ProgramKind, Optional<String>> attachReasons = new ConcurrentHashMap<>();

    @Override
    public boolean programType(ProgramKind kind) {
        return programTypes.computeIfAbsent(kind, this::probeProgramType);
    }

    private boolean probeProgramType(ProgramKind kind) {
        if (needsTrampoline(kind)) {
            return Trampolines.WHY_NOT.isEmpty();
        }
        int type = ProgramTypes.of(kind);
        if (type == ProgramTypes.TRACING) {
            // libbpf 1.1's probe misreads newer kernels' answer for tracing programs: load one for real.
            return TpBtf.LOADS;
        }
        return type >= 0 && LibBpfAttach.libbpf_probe_bpf_prog_type(type, null) == 1;
    }

    @Override
    public boolean mapType(MapType type) {
        return mapTypes.computeIfAbsent(type,
                t -> t != MapType.UNSPEC && LibBpfAttach.libbpf_probe_bpf_map_type(t.id(), null) == 1);
    }

    @Override
    public boolean helper(ProgramKind kind, String helperName) {
        int id = HelperIds.of(helperName).orElseThrow(() -> new IllegalArgumentException(
                "helperName '" + helperName + "': the kernel knows no such helper (enum bpf_func_id)"));
        return programType(kind) && helpers.computeIfAbsent(kind + ":" + id, key -> probeHelper(kind, id));
    }

    /**
     * Loads a program of the kind calling the helper. Not libbpf_probe_bpf_helper: libbpf 1.1 does
     * not recognise newer kernels' "cannot use helper" and answers true.
     */
    private static boolean probeHelper(ProgramKind kind, int helperId) {
        int type = ProgramTypes.of(kind);
        if (type == ProgramTypes.TRACING) {
            return ProbePrograms.mayCall(type, ProbePrograms.BPF_TRACE_RAW_TP, TpBtf.SCHED_SWITCH, helperId);
        }
        return ProbePrograms.mayCall(type, 0, 0, helperId);
    }

    @Override
    public boolean attachKind(ProgramKind kind) {
        return whyNot(kind).isEmpty();
    }

    @Override
    public Optional<String> whyNot(ProgramKind kind) {
        return attachReasons.computeIfAbsent(kind, this::probeAttach);
    }

    private Optional<String> probeAttach(ProgramKind kind) {
        if (kind == ProgramKind.UNKNOWN) {
            return Optional.of("unknown: the section name says no program kind");
        }
        if (needsTrampoline(kind)) {
            return Trampolines.WHY_NOT;
        }
        if (kind == ProgramKind.TP_BTF) {
            return TpBtf.WHY_NOT;
        }
        if (!programType(kind)) {
            return Optional.of(kind + ": the kernel does not load programs of type " + ProgramTypes.of(kind));
        }
        switch (kind) {
            case KPROBE:
            case KRETPROBE:
            case KSYSCALL:
            case KRETSYSCALL:
                return KernelConfig.whyNoKprobes();
            case KPROBE_MULTI:
            case KRETPROBE_MULTI:
                return KernelConfig.whyNoKprobeMulti();
            case UPROBE_MULTI:
            case URETPROBE_MULTI:
                return Optional.of("uprobe.multi: libbpf 1.3 or newer is needed (bpf4j binds " + LibbpfVersion.version() + ")");
            case UPROBE:
            case URETPROBE:
            case USDT:
                return Files.exists(UPROBE_PMU) ? Optional.empty()
                        : Optional.of("uprobes: CONFIG_UPROBE_EVENTS is not set (no uprobe PMU)");
            case TRACEPOINT:
                return KernelConfig.tracefsMounted() ? Optional.empty()
                        : Optional.of("tracepoints: tracefs is not mounted; " + KernelConfig.MOUNT_TRACEFS);
            default:
                return Optional.empty();
        }
    }

    private static boolean needsTrampoline(ProgramKind kind) {
        switch (kind) {
            case FENTRY:
            case FEXIT:
            case FMOD_RET:
            case FREPLACE:
            case LSM:
            case LSM_CGROUP:
                return true;
            default:
                return false;
        }
    }

    /** Whether the kernel knows tcx attach types: a tcx link to no interface fails ENODEV, not EINVAL. */
    static boolean tcxKnown() {
        return Tcx.KNOWN;
    }

    /** Trampolines (fentry/fexit/LSM), probed by loading an fentry program at a kernel function. */
    private static final class Trampolines {
        static final Optional<String> WHY_NOT = probe();

        private static Optional<String> probe() {
            int btfId = LibBpfAttach.libbpf_find_vmlinux_btf_id("do_unlinkat", ProbePrograms.BPF_TRACE_FENTRY);
            if (btfId <= 0) {
                return Optional.of("BPF trampolines: the kernel's BTF has no function to probe with");
            }
            int fd = ProbePrograms.load(ProgramTypes.TRACING, ProbePrograms.BPF_TRACE_FENTRY, btfId, 0);
            if (fd >= 0) {
                // Loading proves the verifier accepts it; attaching proves the trampoline.
                int link = BpfCommands.rawTracepointOpen(fd);
                LibC.close(fd);
                if (link >= 0) {
                    LibC.close(link);
                    return Optional.empty();
                }
                return Optional.of(LoadFailures.NO_TRAMPOLINES + " (attach: " + Errno.describe(-link) + ")");
            }
            if (-fd == Errno.EPERM || -fd == Errno.ENOTSUPP || -fd == Errno.EOPNOTSUPP) {
                return Optional.of(LoadFailures.NO_TRAMPOLINES);
            }
            return Optional.of("BPF trampolines: loading an fentry program failed with " + Errno.describe(-fd));
        }
    }

    /** tp_btf, probed by loading a program for sched_switch and attaching it for a moment. */
    private static final class TpBtf {
        static final int SCHED_SWITCH = LibBpfAttach.libbpf_find_vmlinux_btf_id("sched_switch", ProbePrograms.BPF_TRACE_RAW_TP);
        static final Optional<String> WHY_NOT = probe();
        static final boolean LOADS = WHY_NOT.isEmpty() || !WHY_NOT.get().startsWith("tp_btf: loading");

        private static Optional<String> probe() {
            if (SCHED_SWITCH <= 0) {
                return Optional.of("tp_btf: loading needs the kernel's BTF of btf_trace_sched_switch, which is missing");
            }
            int fd = ProbePrograms.load(ProgramTypes.TRACING, ProbePrograms.BPF_TRACE_RAW_TP, SCHED_SWITCH, 0);
            if (fd < 0) {
                return Optional.of("tp_btf: loading failed with " + Errno.describe(-fd));
            }
            int link = BpfCommands.rawTracepointOpen(fd);
            LibC.close(fd);
            if (link < 0) {
                return Optional.of("tp_btf: attaching failed with " + Errno.describe(-link));
            }
            LibC.close(link);
            return Optional.empty();
        }
    }

    /** Probed once: the answer does not change while the kernel runs. */
    private static final class Tcx {
        static final boolean KNOWN = probe();

        private static boolean probe() {
            int fd = ProbePrograms.load(ProgramTypes.SCHED_CLS, 0, 0, -1);
            if (fd < 0) {
                return false;
            }
            try {
                int link = BpfCommands.linkCreate(fd, 0, NetworkAttacher.BPF_TCX_INGRESS, 0);
                if (link >= 0) {
                    LibC.close(link);
                    return true;
                }
                return -link == Errno.ENODEV;
            } finally {
                LibC.close(fd);
            }
        }
    }
}
