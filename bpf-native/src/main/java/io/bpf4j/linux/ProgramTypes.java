package io.bpf4j.linux;

import io.bpf4j.spec.ProgramKind;
import java.util.EnumMap;
import java.util.Map;

/** The kernel's program type ({@code enum bpf_prog_type}) for each {@link ProgramKind}. */
final class ProgramTypes {
    static final int SOCKET_FILTER = 1;
    static final int KPROBE = 2;
    static final int SCHED_CLS = 3;
    static final int TRACEPOINT = 5;
    static final int XDP = 6;
    static final int PERF_EVENT = 7;
    static final int CGROUP_SKB = 8;
    static final int CGROUP_SOCK = 9;
    static final int SOCK_OPS = 13;
    static final int SK_SKB = 14;
    static final int CGROUP_DEVICE = 15;
    static final int SK_MSG = 16;
    static final int RAW_TRACEPOINT = 17;
    static final int CGROUP_SOCK_ADDR = 18;
    static final int SK_REUSEPORT = 21;
    static final int FLOW_DISSECTOR = 22;
    static final int CGROUP_SYSCTL = 23;
    static final int CGROUP_SOCKOPT = 25;
    static final int TRACING = 26;
    static final int STRUCT_OPS = 27;
    static final int EXT = 28;
    static final int LSM = 29;
    static final int SK_LOOKUP = 30;
    static final int SYSCALL = 31;
    static final int NETFILTER = 32;

    private static final Map<ProgramKind, Integer> TYPES = new EnumMap<>(ProgramKind.class);

    static {
        for (ProgramKind kind : new ProgramKind[] {ProgramKind.KPROBE, ProgramKind.KRETPROBE, ProgramKind.KPROBE_MULTI,
                ProgramKind.KRETPROBE_MULTI, ProgramKind.KSYSCALL, ProgramKind.KRETSYSCALL, ProgramKind.UPROBE,
                ProgramKind.URETPROBE, ProgramKind.UPROBE_MULTI, ProgramKind.URETPROBE_MULTI, ProgramKind.USDT}) {
            TYPES.put(kind, KPROBE);
        }
        for (ProgramKind kind : new ProgramKind[] {ProgramKind.TP_BTF, ProgramKind.FENTRY, ProgramKind.FEXIT,
                ProgramKind.FMOD_RET, ProgramKind.ITER}) {
            TYPES.put(kind, TRACING);
        }
        TYPES.put(ProgramKind.TRACEPOINT, TRACEPOINT);
        TYPES.put(ProgramKind.RAW_TRACEPOINT, RAW_TRACEPOINT);
        TYPES.put(ProgramKind.FREPLACE, EXT);
        TYPES.put(ProgramKind.LSM, LSM);
        TYPES.put(ProgramKind.LSM_CGROUP, LSM);
        TYPES.put(ProgramKind.SYSCALL, SYSCALL);
        TYPES.put(ProgramKind.STRUCT_OPS, STRUCT_OPS);
        TYPES.put(ProgramKind.XDP, XDP);
        TYPES.put(ProgramKind.TC, SCHED_CLS);
        TYPES.put(ProgramKind.CGROUP_SKB, CGROUP_SKB);
        TYPES.put(ProgramKind.CGROUP_SOCK, CGROUP_SOCK);
        TYPES.put(ProgramKind.CGROUP_SOCK_ADDR, CGROUP_SOCK_ADDR);
        TYPES.put(ProgramKind.CGROUP_SOCKOPT, CGROUP_SOCKOPT);
        TYPES.put(ProgramKind.CGROUP_SYSCTL, CGROUP_SYSCTL);
        TYPES.put(ProgramKind.CGROUP_DEVICE, CGROUP_DEVICE);
        TYPES.put(ProgramKind.SOCK_OPS, SOCK_OPS);
        TYPES.put(ProgramKind.SK_SKB, SK_SKB);
        TYPES.put(ProgramKind.SK_MSG, SK_MSG);
        TYPES.put(ProgramKind.SK_LOOKUP, SK_LOOKUP);
        TYPES.put(ProgramKind.SK_REUSEPORT, SK_REUSEPORT);
        TYPES.put(ProgramKind.SOCKET_FILTER, SOCKET_FILTER);
        TYPES.put(ProgramKind.FLOW_DISSECTOR, FLOW_DISSECTOR);
        TYPES.put(ProgramKind.PERF_EVENT, PERF_EVENT);
        TYPES.put(ProgramKind.NETFILTER, NETFILTER);
    }

    private ProgramTypes() {}

    /** The program type, or -1 for {@link ProgramKind#UNKNOWN}. */
    static int of(ProgramKind kind) {
        return TYPES.getOrDefault(kind, -1);
    }
}
