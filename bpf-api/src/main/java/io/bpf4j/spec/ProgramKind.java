package io.bpf4j.spec;

/**
 * What a BPF program is and how it attaches, as its {@code SEC()} name declares it (the libbpf
 * section name conventions). {@link SectionName} parses section names into these.
 */
public enum ProgramKind {
    /** {@code tp/CATEGORY/NAME}, {@code tracepoint/CATEGORY/NAME}: a static kernel tracepoint. */
    TRACEPOINT,
    /** {@code raw_tp/NAME}, {@code raw_tracepoint/NAME} (and {@code .w} variants): a raw tracepoint. */
    RAW_TRACEPOINT,
    /** {@code tp_btf/NAME}: a BTF-typed raw tracepoint. */
    TP_BTF,
    /** {@code kprobe/FUNC}: entry of a kernel function. */
    KPROBE,
    /** {@code kretprobe/FUNC}: return of a kernel function. */
    KRETPROBE,
    /** {@code kprobe.multi/PATTERN}: entry of many kernel functions. */
    KPROBE_MULTI,
    /** {@code kretprobe.multi/PATTERN}: return of many kernel functions. */
    KRETPROBE_MULTI,
    /** {@code ksyscall/NAME}: entry of a system call. */
    KSYSCALL,
    /** {@code kretsyscall/NAME}: return of a system call. */
    KRETSYSCALL,
    /** {@code uprobe/BINARY:FUNC} (and {@code uprobe.s}): entry of a user-space function. */
    UPROBE,
    /** {@code uretprobe/BINARY:FUNC} (and {@code uretprobe.s}): return of a user-space function. */
    URETPROBE,
    /** {@code uprobe.multi/BINARY:PATTERN}: entry of many user-space functions. */
    UPROBE_MULTI,
    /** {@code uretprobe.multi/BINARY:PATTERN}: return of many user-space functions. */
    URETPROBE_MULTI,
    /** {@code usdt/BINARY:PROVIDER:NAME}: a user-space static probe. */
    USDT,
    /** {@code fentry/FUNC} (and {@code fentry.s}): BPF trampoline at a kernel function's entry. */
    FENTRY,
    /** {@code fexit/FUNC} (and {@code fexit.s}): BPF trampoline at a kernel function's return. */
    FEXIT,
    /** {@code fmod_ret/FUNC}: may override a kernel function's return value. */
    FMOD_RET,
    /** {@code freplace/FUNC}: replaces a function of another BPF program. */
    FREPLACE,
    /** {@code lsm/HOOK} (and {@code lsm.s}): a Linux security module hook. */
    LSM,
    /** {@code lsm_cgroup/HOOK}: an LSM hook scoped to a cgroup. */
    LSM_CGROUP,
    /** {@code iter/TARGET} (and {@code iter.s}): a BPF iterator over kernel objects. */
    ITER,
    /** {@code syscall}: run on demand through the bpf() system call. */
    SYSCALL,
    /** {@code struct_ops/NAME} (and {@code struct_ops.s}): a method of a kernel struct_ops. */
    STRUCT_OPS,
    /** {@code xdp}, {@code xdp.frags}, {@code xdp/devmap}, {@code xdp/cpumap}: eXpress Data Path. */
    XDP,
    /** {@code tc}, {@code tc/ingress}, {@code tcx/egress}, {@code classifier}: a traffic control classifier. */
    TC,
    /** {@code cgroup_skb/ingress}, {@code cgroup_skb/egress}, {@code cgroup/skb}: cgroup packet filter. */
    CGROUP_SKB,
    /** {@code cgroup/sock_create}, {@code cgroup/sock_release}, {@code cgroup/post_bind4}, ...: socket hooks. */
    CGROUP_SOCK,
    /** {@code cgroup/connect4}, {@code cgroup/bind6}, {@code cgroup/sendmsg4}, ...: socket address hooks. */
    CGROUP_SOCK_ADDR,
    /** {@code cgroup/getsockopt}, {@code cgroup/setsockopt}. */
    CGROUP_SOCKOPT,
    /** {@code cgroup/sysctl}. */
    CGROUP_SYSCTL,
    /** {@code cgroup/dev}: device access control. */
    CGROUP_DEVICE,
    /** {@code sockops}: TCP socket operations. */
    SOCK_OPS,
    /** {@code sk_skb}, {@code sk_skb/stream_parser}, {@code sk_skb/stream_verdict}: sockmap packets. */
    SK_SKB,
    /** {@code sk_msg}: sockmap messages. */
    SK_MSG,
    /** {@code sk_lookup}: socket lookup. */
    SK_LOOKUP,
    /** {@code sk_reuseport}, {@code sk_reuseport/migrate}: SO_REUSEPORT socket selection. */
    SK_REUSEPORT,
    /** {@code socket}: a socket filter. */
    SOCKET_FILTER,
    /** {@code flow_dissector}. */
    FLOW_DISSECTOR,
    /** {@code perf_event}: runs on perf events. */
    PERF_EVENT,
    /** {@code netfilter}: a netfilter hook. */
    NETFILTER,
    /** A section name no rule recognises. */
    UNKNOWN;

    /**
     * Whether a program of this kind attaches by itself where its section name says (libbpf's
     * auto-attach), when the name carries a target: tracepoints, probes, tracing and LSM programs,
     * iterators. The others need something only the caller has (an interface, a cgroup, a socket,
     * a perf event) and are attached explicitly.
     */
    public boolean attachesBySectionName() {
        return switch (this) {
            case TRACEPOINT, RAW_TRACEPOINT, TP_BTF, KPROBE, KRETPROBE, KPROBE_MULTI, KRETPROBE_MULTI, KSYSCALL,
                    KRETSYSCALL, UPROBE, URETPROBE, UPROBE_MULTI, URETPROBE_MULTI, USDT, FENTRY, FEXIT, FMOD_RET,
                    LSM, ITER -> true;
            default -> false;
        };
    }
}
