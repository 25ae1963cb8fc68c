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
    private AttachFailures() {}

    static BpfException explain(NativeProgram program, int errno) {
        String operation = "attaching program '" + program.name() + "' (" + program.sectionName() + ")";
        String section = program.sectionName();
        String libbpf = LibbpfLog.recentText();

        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return new BpfPermissionException(operation, errno, Capabilities.missingForBpf()
                    .orElse("a permission the kernel refused despite CAP_SYS_ADMIN (kernel lockdown or an LSM policy)"));
        }
        boolean notSupported = errno == Errno.EOPNOTSUPP || errno == Errno.ENOTSUPP;
        if (SectionNames.isKprobeMulti(section) && (notSupported || errno == Errno.ENOENT)) {
            Optional<String> missing = KernelFeatures.whyNoKprobeMulti();
            if (missing.isPresent()) {
                return new UnsupportedFeatureException(operation, errno, missing.get());
            }
        }
        if (SectionNames.isKprobe(section) && (notSupported || errno == Errno.ENOENT)) {
            Optional<String> missing = KernelFeatures.whyNoKprobes();
            if (missing.isPresent()) {
                return new UnsupportedFeatureException(operation, errno, missing.get());
            }
        }
        if (SectionNames.isTracepoint(section) && errno == Errno.ENOENT) {
            if (!KernelFeatures.tracefsMounted()) {
                return new BpfException(operation, errno, "tracefs is not mounted; " + KernelFeatures.MOUNT_TRACEFS);
            }
            return new BpfException(operation, errno, "no such tracepoint in " + KernelFeatures.TRACEFS.resolve("events")
                    + (libbpf == null ? "" : "; " + libbpf));
        }
        return new BpfException(operation, errno, libbpf);
    }
}
