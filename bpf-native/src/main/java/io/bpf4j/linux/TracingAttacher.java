package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.Errno;
import io.bpf4j.program.AttachTarget;

/** Attaches the tracing kinds through libbpf: tracepoints, raw tracepoints, kprobes, perf events, BTF programs, iterators. */
final class TracingAttacher {
    private TracingAttacher() {}

    static Attachment attach(NativeProgram program, AttachTarget target, String operation) {
        Pointer p = program.pointer();
        if (target instanceof AttachTarget.Tracepoint) {
            AttachTarget.Tracepoint t = (AttachTarget.Tracepoint) target;
            Pointer link = LibBpfAttach.bpf_program__attach_tracepoint(p, t.category(), t.name());
            if (link == null) {
                int errno = Native.getLastError();
                throw AttachFailures.tracepoint(operation, errno, t.category() + "/" + t.name(),
                        errno == Errno.ENOENT ? tracepointMissing(t) : null);
            }
            return new LibbpfLinkAttachment(link);
        }
        if (target instanceof AttachTarget.RawTracepoint) {
            String name = ((AttachTarget.RawTracepoint) target).name();
            return linked(LibBpfAttach.bpf_program__attach_raw_tracepoint(p, name), operation,
                    errno -> errno == Errno.ENOENT ? "no raw tracepoint '" + name + "'" : null);
        }
        if (target instanceof AttachTarget.Kprobe) {
            return kprobe(p, (AttachTarget.Kprobe) target, operation);
        }
        if (target instanceof AttachTarget.PerfEvent) {
            return perfEvent(p, (AttachTarget.PerfEvent) target, operation);
        }
        if (target instanceof AttachTarget.Iterator) {
            return linked(LibBpfAttach.bpf_program__attach_iter(p, null), operation, errno -> null);
        }
        Pointer link = target instanceof AttachTarget.Lsm
                ? LibBpfAttach.bpf_program__attach_lsm(p)
                : LibBpfAttach.bpf_program__attach_trace(p);
        if (link == null) {
            throw AttachFailures.trampoline(operation, Native.getLastError());
        }
        return new LibbpfLinkAttachment(link);
    }

    private static String tracepointMissing(AttachTarget.Tracepoint t) {
        if (!KernelConfig.tracefsMounted()) {
            return "tracefs is not mounted; " + KernelConfig.MOUNT_TRACEFS;
        }
        return "no tracepoint '" + t.category() + "/" + t.name() + "' in " + KernelConfig.TRACEFS.resolve("events");
    }

    private static Attachment kprobe(Pointer program, AttachTarget.Kprobe k, String operation) {
        Pointer link;
        int errno;
        try (Memory opts = AttachOptions.kprobe(k.offset(), k.retprobe())) {
            link = LibBpfAttach.bpf_program__attach_kprobe_opts(program, k.function(), opts);
            errno = Native.getLastError();
        }
        if (link == null) {
            throw AttachFailures.kprobe(operation, errno, k.function());
        }
        return new LibbpfLinkAttachment(link);
    }

    private static Attachment perfEvent(Pointer program, AttachTarget.PerfEvent event, String operation) {
        int fd = PerfEventOpen.open(event);
        Pointer link = LibBpfAttach.bpf_program__attach_perf_event(program, fd);
        if (link == null) {
            int errno = Native.getLastError();
            // On success the link owns the event's fd; on failure it is still ours.
            LibC.close(fd);
            throw AttachFailures.explain(operation, errno, null);
        }
        return new LibbpfLinkAttachment(link);
    }

    /** A libbpf link, or the failure explained with the detail {@code meaning} gives the errno. */
    static Attachment linked(Pointer link, String operation, java.util.function.IntFunction<String> meaning) {
        if (link == null) {
            int errno = Native.getLastError();
            throw AttachFailures.explain(operation, errno, meaning.apply(errno));
        }
        return new LibbpfLinkAttachment(link);
    }
}
