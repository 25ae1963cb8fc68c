package io.bpf4j.linux;

import com.sun.jna.Memory;

/**
 * libbpf 1.1's option structs, laid out in native memory. Each starts with {@code size_t sz}, which
 * tells libbpf (of any newer version) which fields the caller knows; unset fields are zero.
 * Offsets are those of {@code <bpf/libbpf.h>} 1.1 on 64-bit Linux (checked by a test).
 */
final class AttachOptions {
    static final int KPROBE_OPTS_SIZE = 32;
    static final int UPROBE_OPTS_SIZE = 40;
    static final int TC_HOOK_SIZE = 24;
    static final int TC_OPTS_SIZE = 32;

    /** {@code enum bpf_tc_attach_point}. */
    static final int BPF_TC_INGRESS = 1;
    static final int BPF_TC_EGRESS = 2;

    private AttachOptions() {}

    /** {@code struct bpf_kprobe_opts}: offset at 16, retprobe at 24. */
    static Memory kprobe(long offset, boolean retprobe) {
        Memory opts = sized(KPROBE_OPTS_SIZE);
        opts.setLong(16, offset);
        opts.setByte(24, (byte) (retprobe ? 1 : 0));
        return opts;
    }

    /**
     * {@code struct bpf_uprobe_opts}: retprobe at 24, func_name at 32. {@code functionName} must stay
     * allocated until the attach returns.
     */
    static Memory uprobe(boolean retprobe, Memory functionName) {
        Memory opts = sized(UPROBE_OPTS_SIZE);
        opts.setByte(24, (byte) (retprobe ? 1 : 0));
        opts.setPointer(32, functionName);
        return opts;
    }

    /** {@code struct bpf_tc_hook}: ifindex at 8, attach_point at 12 (parent 0: the clsact qdisc). */
    static Memory tcHook(int ifindex, int attachPoint) {
        Memory hook = sized(TC_HOOK_SIZE);
        hook.setInt(8, ifindex);
        hook.setInt(12, attachPoint);
        return hook;
    }

    /** {@code struct bpf_tc_opts}: prog_fd at 8, flags 12, prog_id 16, handle 20, priority 24. */
    static Memory tcOpts(int programFd, int handle, int priority) {
        Memory opts = sized(TC_OPTS_SIZE);
        opts.setInt(8, programFd);
        opts.setInt(20, handle);
        opts.setInt(24, priority);
        return opts;
    }

    /** The {@code bpf_tc_opts} handle the kernel chose (or was given). */
    static int tcHandle(Memory opts) {
        return opts.getInt(20);
    }

    /** The {@code bpf_tc_opts} priority the kernel chose (or was given). */
    static int tcPriority(Memory opts) {
        return opts.getInt(24);
    }

    /** A NUL-terminated copy of {@code text} in native memory. */
    static Memory cString(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Memory memory = new Memory(bytes.length + 1L);
        memory.write(0, bytes, 0, bytes.length);
        memory.setByte(bytes.length, (byte) 0);
        return memory;
    }

    private static Memory sized(int size) {
        Memory opts = new Memory(size);
        opts.clear();
        opts.setLong(0, size);
        return opts;
    }
}
