package io.bpf4j.linux;

import io.bpf4j.BpfException;
import io.bpf4j.BpfPermissionException;
import io.bpf4j.Errno;
import io.bpf4j.UnsupportedFeatureException;
import java.util.Optional;

/**
 * Explains a failed {@code bpf_program__attach}: the kernel's errno alone (usually ENOENT) does not
 * say whether a feature is missing from the kernel, tracefs is not mounted or the target is wrong.
 */
final class AttachFailures {
    /** A permission error with the capabilities and the tracefs access in place: something else said no. */
    private static final String REFUSED =
            "a permission the kernel refused despite the capabilities BPF needs (kernel lockdown or an LSM policy)";

    private AttachFailures() {}

    static BpfException explain(NativeProgram program, int errno) {
        String operation = "attaching program '" + program.name() + "' (" + program.sectionName() + ")";
        String section = program.sectionName();
        String libbpf = LibbpfLog.recentText();

        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            Optional<String> missing = Capabilities.missingForBpf();
            if (missing.isEmpty() && SectionNames.isTracepoint(section)) {
                missing = TracefsAccess.whyUnreadable(TracefsAccess.tracepointId(SectionNames.tracepoint(section)));
            }
            return new BpfPermissionException(operation, errno, missing.orElse(REFUSED));
        }
        boolean notSupported = errno == Errno.EOPNOTSUPP || errno == Errno.ENOTSUPP;
        if (SectionNames.isKprobeMulti(section) && (notSupported || errno == Errno.ENOENT)) {
            Optional<String> missing = KernelConfig.whyNoKprobeMulti();
            if (missing.isPresent()) {
                return new UnsupportedFeatureException(operation, errno, missing.get());
            }
        }
        if (SectionNames.isKprobe(section) && (notSupported || errno == Errno.ENOENT)) {
            Optional<String> missing = KernelConfig.whyNoKprobes();
            if (missing.isPresent()) {
                return new UnsupportedFeatureException(operation, errno, missing.get());
            }
        }
        if (SectionNames.isTracepoint(section) && errno == Errno.ENOENT) {
            if (!KernelConfig.tracefsMounted()) {
                return new BpfException(operation, errno, "tracefs is not mounted; " + KernelConfig.MOUNT_TRACEFS);
            }
            return new BpfException(operation, errno, "no such tracepoint in " + KernelConfig.TRACEFS.resolve("events")
                    + (libbpf == null ? "" : "; " + libbpf));
        }
        return new BpfException(operation, errno, libbpf);
    }

    /**
     * A failed explicit attach: a permission error naming the missing capabilities, else the errno
     * with {@code detail} (what the errno means for this target) and libbpf's recent warnings.
     */
    static BpfException explain(String operation, int errno, String detail) {
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            Optional<String> missing = Capabilities.missingForBpf();
            if (missing.isPresent()) {
                return new BpfPermissionException(operation, errno, missing.get());
            }
        }
        String libbpf = LibbpfLog.recentText();
        String text = detail == null ? libbpf : libbpf == null ? detail : detail + "; " + libbpf;
        return new BpfException(operation, errno, text);
    }

    /**
     * A failed explicit tracepoint attach: with the capabilities present, a permission error names the
     * tracefs file libbpf could not read; otherwise as {@link #explain(String, int, String)}.
     *
     * @param tracepoint "CATEGORY/NAME"
     */
    static BpfException tracepoint(String operation, int errno, String tracepoint, String detail) {
        if ((errno == Errno.EPERM || errno == Errno.EACCES) && Capabilities.missingForBpf().isEmpty()) {
            Optional<String> denied = TracefsAccess.whyUnreadable(TracefsAccess.tracepointId(tracepoint));
            if (denied.isPresent()) {
                return new BpfPermissionException(operation, errno, denied.get());
            }
        }
        return explain(operation, errno, detail);
    }

    /** A failed kprobe attach: the kernel's missing kprobe support when that is the cause. */
    static BpfException kprobe(String operation, int errno, String function) {
        boolean notSupported = errno == Errno.EOPNOTSUPP || errno == Errno.ENOTSUPP || errno == Errno.ENOENT;
        Optional<String> missing = notSupported ? KernelConfig.whyNoKprobes() : Optional.empty();
        if (missing.isPresent()) {
            return new UnsupportedFeatureException(operation, errno, missing.get());
        }
        return explain(operation, errno, errno == Errno.ENOENT ? "no kernel function '" + function + "'" : null);
    }

    /** A failed trampoline (fentry/fexit/LSM) attach: trampolines missing, when the kernel says so. */
    static BpfException trampoline(String operation, int errno) {
        if (errno == Errno.EPERM || errno == Errno.ENOTSUPP || errno == Errno.EOPNOTSUPP) {
            if (Capabilities.missingForBpf().isEmpty()) {
                return new UnsupportedFeatureException(operation, errno, LoadFailures.NO_TRAMPOLINES);
            }
        }
        return explain(operation, errno, null);
    }
}
