package io.bpf4j.linux;

import com.sun.jna.Memory;

/**
 * A tc filter in a clsact qdisc, found again by its handle and priority to detach it. Not a link:
 * the kernel keeps it when the process dies, so only {@link #detach()} removes it. The clsact qdisc
 * stays, as tc leaves it, since other filters may share it.
 */
final class TcFilterAttachment implements Attachment {
    private final int ifindex;
    private final int attachPoint;
    private final int handle;
    private final int priority;

    TcFilterAttachment(int ifindex, int attachPoint, int handle, int priority) {
        this.ifindex = ifindex;
        this.attachPoint = attachPoint;
        this.handle = handle;
        this.priority = priority;
    }

    @Override
    public int linkFd() {
        return -1;
    }

    @Override
    public void detach() {
        // bpf_tc_detach wants prog_fd, flags and prog_id zero; only handle and priority name the filter.
        // A failure means the filter is already gone (its interface was deleted): nothing to release.
        try (Memory hook = AttachOptions.tcHook(ifindex, attachPoint); Memory opts = AttachOptions.tcOpts(0, handle, priority)) {
            LibBpfAttach.bpf_tc_detach(hook, opts);
        }
    }
}
