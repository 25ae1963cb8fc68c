package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.Errno;
import io.bpf4j.program.AttachTarget;

/** Attaches uprobes, uretprobes and USDT probes through libbpf, which resolves symbols and notes. */
final class UserProbeAttacher {
    private UserProbeAttacher() {}

    static Attachment attach(NativeProgram program, AttachTarget target, String operation) {
        if (target instanceof AttachTarget.Uprobe) {
            return uprobe(program.pointer(), (AttachTarget.Uprobe) target, operation);
        }
        return usdt(program.pointer(), (AttachTarget.Usdt) target, operation);
    }

    private static Attachment uprobe(Pointer program, AttachTarget.Uprobe u, String operation) {
        String path = UprobeTargets.resolve(u.binary());
        Pointer link;
        int errno;
        try (Memory symbol = u.symbol() == null ? null : AttachOptions.cString(u.symbol());
                Memory opts = AttachOptions.uprobe(u.retprobe(), symbol)) {
            link = LibBpfAttach.bpf_program__attach_uprobe_opts(program, u.pid(), path, u.offset(), opts);
            errno = Native.getLastError();
        }
        if (link == null) {
            throw AttachFailures.explain(operation, errno, meaning(errno, u.pid(),
                    "symbol '" + u.symbol() + "' not found in " + path));
        }
        return new LibbpfLinkAttachment(link);
    }

    private static Attachment usdt(Pointer program, AttachTarget.Usdt u, String operation) {
        String path = UprobeTargets.resolve(u.binary());
        Pointer link = LibBpfAttach.bpf_program__attach_usdt(program, u.pid(), path, u.provider(), u.name(), null);
        if (link == null) {
            int errno = Native.getLastError();
            throw AttachFailures.explain(operation, errno, meaning(errno, u.pid(),
                    "no USDT probe '" + u.provider() + ":" + u.name() + "' in " + path));
        }
        return new LibbpfLinkAttachment(link);
    }

    private static String meaning(int errno, int pid, String notFound) {
        if (errno == Errno.ESRCH) {
            return "pid " + pid + ": no such process";
        }
        return errno == Errno.ENOENT ? notFound : null;
    }
}
