package io.bpf4j.spec;

import java.util.Map;
import java.util.Objects;

/**
 * A program's {@code SEC()} name split into the kind of program and what it attaches to.
 *
 * @param kind the kind of program; {@link ProgramKind#UNKNOWN} when the name follows no known
 *     convention
 * @param target what the name says to attach to: the part after the first {@code /}, such as
 *     {@code syscalls/sys_enter_openat} for {@code tp/syscalls/sys_enter_openat}, or the attach
 *     point of a cgroup program such as {@code connect4}; "" when the name carries none
 */
public record SectionName(ProgramKind kind, String target) {
    // The part before the first '/' names the kind; ".s" (sleepable) and ".w" (writable)
    // variants attach the same way as the plain form.
    private static final Map<String, ProgramKind> BY_PREFIX = Map.ofEntries(
            Map.entry("tp", ProgramKind.TRACEPOINT),
            Map.entry("tracepoint", ProgramKind.TRACEPOINT),
            Map.entry("raw_tp", ProgramKind.RAW_TRACEPOINT),
            Map.entry("raw_tracepoint", ProgramKind.RAW_TRACEPOINT),
            Map.entry("raw_tp.w", ProgramKind.RAW_TRACEPOINT),
            Map.entry("raw_tracepoint.w", ProgramKind.RAW_TRACEPOINT),
            Map.entry("tp_btf", ProgramKind.TP_BTF),
            Map.entry("kprobe", ProgramKind.KPROBE),
            Map.entry("kretprobe", ProgramKind.KRETPROBE),
            Map.entry("kprobe.multi", ProgramKind.KPROBE_MULTI),
            Map.entry("kretprobe.multi", ProgramKind.KRETPROBE_MULTI),
            Map.entry("ksyscall", ProgramKind.KSYSCALL),
            Map.entry("kretsyscall", ProgramKind.KRETSYSCALL),
            Map.entry("uprobe", ProgramKind.UPROBE),
            Map.entry("uprobe.s", ProgramKind.UPROBE),
            Map.entry("uretprobe", ProgramKind.URETPROBE),
            Map.entry("uretprobe.s", ProgramKind.URETPROBE),
            Map.entry("uprobe.multi", ProgramKind.UPROBE_MULTI),
            Map.entry("uprobe.multi.s", ProgramKind.UPROBE_MULTI),
            Map.entry("uretprobe.multi", ProgramKind.URETPROBE_MULTI),
            Map.entry("uretprobe.multi.s", ProgramKind.URETPROBE_MULTI),
            Map.entry("usdt", ProgramKind.USDT),
            Map.entry("usdt.s", ProgramKind.USDT),
            Map.entry("fentry", ProgramKind.FENTRY),
            Map.entry("fentry.s", ProgramKind.FENTRY),
            Map.entry("fexit", ProgramKind.FEXIT),
            Map.entry("fexit.s", ProgramKind.FEXIT),
            Map.entry("fmod_ret", ProgramKind.FMOD_RET),
            Map.entry("fmod_ret.s", ProgramKind.FMOD_RET),
            Map.entry("freplace", ProgramKind.FREPLACE),
            Map.entry("lsm", ProgramKind.LSM),
            Map.entry("lsm.s", ProgramKind.LSM),
            Map.entry("lsm_cgroup", ProgramKind.LSM_CGROUP),
            Map.entry("iter", ProgramKind.ITER),
            Map.entry("iter.s", ProgramKind.ITER),
            Map.entry("syscall", ProgramKind.SYSCALL),
            Map.entry("struct_ops", ProgramKind.STRUCT_OPS),
            Map.entry("struct_ops.s", ProgramKind.STRUCT_OPS),
            Map.entry("xdp", ProgramKind.XDP),
            Map.entry("xdp.frags", ProgramKind.XDP),
            Map.entry("tc", ProgramKind.TC),
            Map.entry("tcx", ProgramKind.TC),
            Map.entry("classifier", ProgramKind.TC),
            Map.entry("cgroup_skb", ProgramKind.CGROUP_SKB),
            Map.entry("sockops", ProgramKind.SOCK_OPS),
            Map.entry("sk_skb", ProgramKind.SK_SKB),
            Map.entry("sk_msg", ProgramKind.SK_MSG),
            Map.entry("sk_lookup", ProgramKind.SK_LOOKUP),
            Map.entry("sk_reuseport", ProgramKind.SK_REUSEPORT),
            Map.entry("socket", ProgramKind.SOCKET_FILTER),
            Map.entry("flow_dissector", ProgramKind.FLOW_DISSECTOR),
            Map.entry("perf_event", ProgramKind.PERF_EVENT),
            Map.entry("netfilter", ProgramKind.NETFILTER));

    // "cgroup/" names one attach point per program kind, so the kind follows from the target.
    private static final Map<String, ProgramKind> CGROUP_ATTACH_POINTS = Map.ofEntries(
            Map.entry("skb", ProgramKind.CGROUP_SKB),
            Map.entry("sock", ProgramKind.CGROUP_SOCK),
            Map.entry("sock_create", ProgramKind.CGROUP_SOCK),
            Map.entry("sock_release", ProgramKind.CGROUP_SOCK),
            Map.entry("post_bind4", ProgramKind.CGROUP_SOCK),
            Map.entry("post_bind6", ProgramKind.CGROUP_SOCK),
            Map.entry("bind4", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("bind6", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("connect4", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("connect6", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("connect_unix", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("sendmsg4", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("sendmsg6", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("sendmsg_unix", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("recvmsg4", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("recvmsg6", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("recvmsg_unix", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("getpeername4", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("getpeername6", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("getpeername_unix", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("getsockname4", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("getsockname6", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("getsockname_unix", ProgramKind.CGROUP_SOCK_ADDR),
            Map.entry("getsockopt", ProgramKind.CGROUP_SOCKOPT),
            Map.entry("setsockopt", ProgramKind.CGROUP_SOCKOPT),
            Map.entry("sysctl", ProgramKind.CGROUP_SYSCTL),
            Map.entry("dev", ProgramKind.CGROUP_DEVICE));

    private static final SectionName UNRECOGNISED = new SectionName(ProgramKind.UNKNOWN, "");

    /** Checks both parts are present. */
    public SectionName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    /**
     * Parses a {@code SEC()} name. A leading {@code ?} (libbpf's "do not load by default") is
     * ignored; names that follow no known convention give {@link ProgramKind#UNKNOWN} and "".
     */
    public static SectionName parse(String sec) {
        Objects.requireNonNull(sec, "sec");
        String name = sec.startsWith("?") ? sec.substring(1) : sec;
        int slash = name.indexOf('/');
        String prefix = slash < 0 ? name : name.substring(0, slash);
        String target = slash < 0 ? "" : name.substring(slash + 1);
        if (prefix.equals("cgroup")) {
            return cgroup(target);
        }
        ProgramKind kind = BY_PREFIX.get(prefix);
        return kind == null ? UNRECOGNISED : new SectionName(kind, target);
    }

    private static SectionName cgroup(String attachPoint) {
        ProgramKind kind = CGROUP_ATTACH_POINTS.get(attachPoint);
        if (kind == null) {
            return UNRECOGNISED;
        }
        // "cgroup/skb" names the program type only; the direction is chosen at attach time.
        return new SectionName(kind, kind == ProgramKind.CGROUP_SKB ? "" : attachPoint);
    }
}
