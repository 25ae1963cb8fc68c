package io.bpf4j.linux;

import io.bpf4j.BpfException;
import io.bpf4j.BpfPermissionException;
import io.bpf4j.Errno;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.VerifierException;
import java.util.Optional;

/**
 * Explains a failed {@code bpf_object__load}: a verifier rejection (with the program's log), a
 * kernel without BPF trampolines, missing privileges, or libbpf's own complaint.
 */
final class LoadFailures {
    static final String NO_TRAMPOLINES = "BPF trampolines unavailable (fentry/fexit/LSM cannot load on this kernel)";

    private LoadFailures() {}

    /**
     * @param objectName the object's name
     * @param errno what the load returned
     * @param failed the program whose load failed, or null when the failure was not a program's
     * @param section that program's section name
     * @param log that program's verifier log, possibly empty
     */
    static BpfException explain(String objectName, int errno, String failed, String section, String log) {
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            Optional<String> missing = Capabilities.missingForBpf();
            if (missing.isPresent()) {
                return new BpfPermissionException("loading object '" + objectName + "'", errno, missing.get());
            }
        }
        if (failed == null) {
            return new BpfException("loading object '" + objectName + "'", errno, LibbpfLog.recentText());
        }
        // An EPERM without a word from the verifier is not a rejection: the kernel refused before
        // verifying, which is how kernels without trampolines answer fentry/fexit/LSM programs.
        if (errno == Errno.EPERM && log.isBlank() && SectionNames.needsTrampoline(section)) {
            return new UnsupportedFeatureException("loading program '" + failed + "' (" + section + ")", errno,
                    NO_TRAMPOLINES);
        }
        if (!log.isBlank()) {
            return new VerifierException(failed, errno, log);
        }
        return new BpfException("loading program '" + failed + "' (" + section + ")", errno, LibbpfLog.recentText());
    }
}
