package io.bpf4j.linux;

import io.bpf4j.program.AttachTarget;

/**
 * Attaches a program at an explicit {@link AttachTarget}, choosing the attacher for its kind, and
 * describes the attachment for messages and {@link NativeLink#description()}.
 */
final class Attachers {
    private Attachers() {}

    /**
     * Attaches; the returned attachment is the caller's to detach.
     *
     * @throws io.bpf4j.BpfException explaining the failure, naming the target's argument the kernel refused
     */
    static Attachment attach(NativeProgram program, AttachTarget target) {
        LibbpfLog.clearRecent();
        String operation = "attaching program '" + program.name() + "' to " + describe(target);
        if (target instanceof AttachTarget.Uprobe || target instanceof AttachTarget.Usdt) {
            return UserProbeAttacher.attach(program, target, operation);
        }
        if (target instanceof AttachTarget.Xdp || target instanceof AttachTarget.Tc
                || target instanceof AttachTarget.Tcx || target instanceof AttachTarget.SocketFilter) {
            return NetworkAttacher.attach(program, target, operation);
        }
        if (target instanceof AttachTarget.Cgroup) {
            return CgroupAttacher.attach(program, (AttachTarget.Cgroup) target, operation);
        }
        return TracingAttacher.attach(program, target, operation);
    }

    /** The target in words, e.g. {@code "uprobe libc:getpid"} or {@code "xdp on ifindex 3 (GENERIC)"}. */
    static String describe(AttachTarget target) {
        if (target instanceof AttachTarget.Tracepoint) {
            AttachTarget.Tracepoint t = (AttachTarget.Tracepoint) target;
            return "tracepoint " + t.category() + "/" + t.name();
        }
        if (target instanceof AttachTarget.RawTracepoint) {
            return "raw tracepoint " + ((AttachTarget.RawTracepoint) target).name();
        }
        if (target instanceof AttachTarget.Kprobe) {
            AttachTarget.Kprobe k = (AttachTarget.Kprobe) target;
            return (k.retprobe() ? "kretprobe " : "kprobe ") + k.function() + offset(k.offset());
        }
        if (target instanceof AttachTarget.Uprobe) {
            AttachTarget.Uprobe u = (AttachTarget.Uprobe) target;
            return (u.retprobe() ? "uretprobe " : "uprobe ") + u.binary() + ":" + (u.symbol() == null ? "" : u.symbol())
                    + offset(u.offset()) + pid(u.pid());
        }
        if (target instanceof AttachTarget.Usdt) {
            AttachTarget.Usdt u = (AttachTarget.Usdt) target;
            return "usdt " + u.binary() + ":" + u.provider() + ":" + u.name() + pid(u.pid());
        }
        if (target instanceof AttachTarget.PerfEvent) {
            AttachTarget.PerfEvent p = (AttachTarget.PerfEvent) target;
            return "perf event type " + p.type() + " config " + p.config() + (p.frequency() ? " at " : " every ")
                    + p.samplePeriodOrFrequency() + (p.frequency() ? " Hz" : " events") + " on cpu " + p.cpu() + pid(p.pid());
        }
        if (target instanceof AttachTarget.Xdp) {
            AttachTarget.Xdp x = (AttachTarget.Xdp) target;
            return "xdp on ifindex " + x.ifindex() + " (" + x.mode() + (x.replace() ? ", replacing" : "") + ")";
        }
        if (target instanceof AttachTarget.Tc) {
            AttachTarget.Tc t = (AttachTarget.Tc) target;
            return "tc " + t.direction().name().toLowerCase(java.util.Locale.ROOT) + " on ifindex " + t.ifindex();
        }
        if (target instanceof AttachTarget.Tcx) {
            AttachTarget.Tcx t = (AttachTarget.Tcx) target;
            return "tcx " + t.direction().name().toLowerCase(java.util.Locale.ROOT) + " on ifindex " + t.ifindex();
        }
        if (target instanceof AttachTarget.Cgroup) {
            AttachTarget.Cgroup c = (AttachTarget.Cgroup) target;
            return "cgroup " + c.cgroupPath() + (c.attachType() == null ? "" : " (" + c.attachType() + ")");
        }
        if (target instanceof AttachTarget.SocketFilter) {
            return "socket fd " + ((AttachTarget.SocketFilter) target).socketFd();
        }
        if (target instanceof AttachTarget.Iterator) {
            return "iterator";
        }
        if (target instanceof AttachTarget.Tracing) {
            return "its BTF target";
        }
        return "its LSM hook";
    }

    private static String offset(long offset) {
        return offset == 0 ? "" : "+0x" + Long.toHexString(offset);
    }

    private static String pid(int pid) {
        return pid == AttachTarget.Uprobe.ALL_PROCESSES ? "" : " (pid " + pid + ")";
    }
}
