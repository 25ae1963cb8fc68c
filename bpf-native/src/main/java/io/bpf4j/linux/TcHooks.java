package io.bpf4j.linux;

import com.sun.jna.Memory;
import io.bpf4j.Errno;
import io.bpf4j.program.AttachTarget;

/** tc classifiers in an interface's clsact qdisc, through libbpf's {@code bpf_tc_*} (netlink) calls. */
final class TcHooks {
    private TcHooks() {}

    /**
     * Creates the clsact qdisc when missing and adds the program as a direct-action filter.
     *
     * @return the filter, with the handle and priority the kernel chose
     */
    static TcFilterAttachment attach(int programFd, AttachTarget.Tc tc, String operation) {
        int attachPoint = tc.direction() == AttachTarget.Direction.INGRESS
                ? AttachOptions.BPF_TC_INGRESS : AttachOptions.BPF_TC_EGRESS;
        try (Memory hook = AttachOptions.tcHook(tc.ifindex(), attachPoint);
                Memory opts = AttachOptions.tcOpts(programFd, tc.handle(), tc.priority())) {
            int created = LibBpfAttach.bpf_tc_hook_create(hook);
            // EEXIST: the qdisc is there already (ours from an earlier attach, or tc's).
            if (created < 0 && -created != Errno.EEXIST) {
                throw AttachFailures.explain(operation, -created, NetworkAttacher.interfaceMeaning(-created, tc.ifindex()));
            }
            int result = LibBpfAttach.bpf_tc_attach(hook, opts);
            if (result < 0) {
                throw AttachFailures.explain(operation, -result, -result == Errno.EEXIST
                        ? "a filter with handle " + tc.handle() + " and priority " + tc.priority() + " exists"
                        : NetworkAttacher.interfaceMeaning(-result, tc.ifindex()));
            }
            return new TcFilterAttachment(tc.ifindex(), attachPoint, AttachOptions.tcHandle(opts),
                    AttachOptions.tcPriority(opts));
        }
    }
}
