package io.bpf4j.test.fake;

import io.bpf4j.program.AttachTarget;
import io.bpf4j.spec.ProgramKind;
import java.util.Locale;

/** Turns an explicit attach target into the {@link Attachment} the fake records: its kind and a target in words. */
final class AttachPoints {
    private AttachPoints() {}

    static Attachment of(String objectName, FakeProgram program, AttachTarget target) {
        String name = program.name();
        if (target instanceof AttachTarget.Tracepoint t) {
            return new Attachment(objectName, name, ProgramKind.TRACEPOINT, t.category() + "/" + t.name());
        } else if (target instanceof AttachTarget.RawTracepoint t) {
            return new Attachment(objectName, name, ProgramKind.RAW_TRACEPOINT, t.name());
        } else if (target instanceof AttachTarget.Kprobe t) {
            return new Attachment(objectName, name, t.retprobe() ? ProgramKind.KRETPROBE : ProgramKind.KPROBE,
                    t.function() + offset(t.offset()));
        } else if (target instanceof AttachTarget.Uprobe t) {
            String where = t.binary() + ":" + (t.symbol() == null ? "" : t.symbol()) + offset(t.offset());
            return new Attachment(objectName, name, t.retprobe() ? ProgramKind.URETPROBE : ProgramKind.UPROBE,
                    where + pid(t.pid()));
        } else if (target instanceof AttachTarget.Usdt t) {
            return new Attachment(objectName, name, ProgramKind.USDT,
                    t.binary() + ":" + t.provider() + ":" + t.name() + pid(t.pid()));
        } else if (target instanceof AttachTarget.PerfEvent t) {
            return new Attachment(objectName, name, ProgramKind.PERF_EVENT, "type " + t.type() + " config "
                    + t.config() + " cpu " + t.cpu() + " pid " + t.pid());
        } else if (target instanceof AttachTarget.Xdp t) {
            return new Attachment(objectName, name, ProgramKind.XDP, "ifindex " + t.ifindex() + " "
                    + t.mode().name().toLowerCase(Locale.ROOT));
        } else if (target instanceof AttachTarget.Tc t) {
            return new Attachment(objectName, name, ProgramKind.TC, "ifindex " + t.ifindex() + " "
                    + t.direction().name().toLowerCase(Locale.ROOT));
        } else if (target instanceof AttachTarget.Tcx t) {
            return new Attachment(objectName, name, ProgramKind.TC, "tcx ifindex " + t.ifindex() + " "
                    + t.direction().name().toLowerCase(Locale.ROOT));
        } else if (target instanceof AttachTarget.Cgroup t) {
            String type = t.attachType() == null ? program.attachTarget() : t.attachType();
            return new Attachment(objectName, name, program.kind(), t.cgroupPath() + (type.isEmpty() ? "" : " " + type));
        } else if (target instanceof AttachTarget.SocketFilter t) {
            return new Attachment(objectName, name, ProgramKind.SOCKET_FILTER, "socket fd " + t.socketFd());
        }
        // Iterator, Tracing and Lsm attach where the program's own section name says.
        return new Attachment(objectName, name, program.kind(), program.attachTarget());
    }

    /**
     * Whether the kernel can swap the program of such an attachment ({@code BPF_LINK_UPDATE}): XDP,
     * tcx, cgroup and iterator links can; perf-event based links (tracepoints, probes), tc filters,
     * socket filters and replacing XDP attachments cannot (EINVAL, as the kernel answers for links
     * without an update operation).
     */
    static boolean updatable(AttachTarget target) {
        return (target instanceof AttachTarget.Xdp xdp && !xdp.replace()) || target instanceof AttachTarget.Tcx
                || target instanceof AttachTarget.Cgroup || target instanceof AttachTarget.Iterator;
    }

    private static String offset(long offset) {
        return offset == 0 ? "" : "+" + offset;
    }

    private static String pid(int pid) {
        return pid == AttachTarget.Uprobe.ALL_PROCESSES ? "" : " pid " + pid;
    }
}
