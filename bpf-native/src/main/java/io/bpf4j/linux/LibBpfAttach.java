package io.bpf4j.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libbpf 1.1 calls for attaching programs, tc hooks, iterators and feature probes, bound by JNA
 * direct mapping like {@link LibBpf} (same conventions: {@code NULL} or {@code -errno} on failure,
 * {@code errno} set in both cases). Option structs are passed as native memory laid out by
 * {@link AttachOptions}, so no reflection is involved.
 */
final class LibBpfAttach {
    static {
        Native.register(LibBpfAttach.class, LibbpfVersion.library());
    }

    private LibBpfAttach() {}

    static native Pointer bpf_program__attach_tracepoint(Pointer program, String category, String name);

    static native Pointer bpf_program__attach_raw_tracepoint(Pointer program, String name);

    static native Pointer bpf_program__attach_kprobe_opts(Pointer program, String function, Pointer opts);

    static native Pointer bpf_program__attach_uprobe_opts(Pointer program, int pid, String binaryPath,
            long functionOffset, Pointer opts);

    static native Pointer bpf_program__attach_usdt(Pointer program, int pid, String binaryPath, String provider,
            String name, Pointer opts);

    static native Pointer bpf_program__attach_perf_event(Pointer program, int perfEventFd);

    static native Pointer bpf_program__attach_cgroup(Pointer program, int cgroupFd);

    static native Pointer bpf_program__attach_iter(Pointer program, Pointer opts);

    static native Pointer bpf_program__attach_trace(Pointer program);

    static native Pointer bpf_program__attach_lsm(Pointer program);

    static native int bpf_program__type(Pointer program);

    static native int bpf_program__set_log_level(Pointer program, int level);

    static native int bpf_link__fd(Pointer link);

    static native int bpf_iter_create(int linkFd);

    static native int bpf_tc_hook_create(Pointer hook);

    static native int bpf_tc_attach(Pointer hook, Pointer opts);

    static native int bpf_tc_detach(Pointer hook, Pointer opts);

    static native int bpf_xdp_attach(int ifindex, int programFd, int flags, Pointer opts);

    static native int bpf_xdp_detach(int ifindex, int flags, Pointer opts);

    /** {@code libbpf_attach_type_by_name}: the attach type of a section-name prefix such as {@code "cgroup_skb/egress"}. */
    static native int libbpf_attach_type_by_name(String name, Pointer attachType);

    static native int libbpf_probe_bpf_prog_type(int programType, Pointer opts);

    static native int libbpf_probe_bpf_map_type(int mapType, Pointer opts);

    static native int libbpf_find_vmlinux_btf_id(String name, int attachType);

    static native Pointer btf__load_vmlinux_btf();

    static native void btf__free(Pointer btf);

    static native int btf__find_by_name_kind(Pointer btf, String name, int kind);

    /** A {@code struct btf_type}: {@code u32 name_off, u32 info (vlen in the low 16 bits), u32 size}, then its members. */
    static native Pointer btf__type_by_id(Pointer btf, int id);

    static native String btf__name_by_offset(Pointer btf, int offset);
}
