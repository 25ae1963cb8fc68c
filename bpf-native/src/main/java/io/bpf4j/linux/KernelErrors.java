package io.bpf4j.linux;

import com.sun.jna.Memory;
import io.bpf4j.BpfException;
import io.bpf4j.BpfPermissionException;
import io.bpf4j.Errno;
import java.util.Optional;

/** Turns an errno into the exception that explains it best. */
final class KernelErrors {
    /** libbpf's own error codes ({@code enum libbpf_errno}) start here. */
    private static final int LIBBPF_ERRNO_START = 4000;
    private static final int LIBBPF_ERRNO_END = 4100;
    private static final int STRERROR_SIZE = 128;

    private KernelErrors() {}

    /**
     * A {@link BpfPermissionException} naming the missing capabilities when {@code errno} is EPERM
     * and the process lacks them; otherwise a {@link BpfException} with {@code detail}.
     */
    static BpfException failure(String operation, int errno, String detail) {
        if (errno == Errno.EPERM) {
            Optional<String> missing = Capabilities.missingForBpf();
            if (missing.isPresent()) {
                return new BpfPermissionException(operation, errno, missing.get());
            }
        }
        return new BpfException(operation, errno, detail);
    }

    /**
     * {@link #failure} with libbpf's recent warnings on this thread as the detail, preceded by the
     * meaning of libbpf's own error codes, which no errno table knows.
     */
    static BpfException libbpfFailure(String operation, int errno) {
        String warnings = LibbpfLog.recentText();
        if (errno < LIBBPF_ERRNO_START || errno >= LIBBPF_ERRNO_END) {
            return failure(operation, errno, warnings);
        }
        String meaning = libbpfErrorText(errno);
        return failure(operation, errno, warnings == null ? meaning : meaning + "; " + warnings);
    }

    private static String libbpfErrorText(int errno) {
        try (Memory buffer = new Memory(STRERROR_SIZE)) {
            LibBpf.libbpf_strerror(errno, buffer, STRERROR_SIZE);
            return buffer.getString(0);
        }
    }
}
