package io.bpf4j;

/**
 * The process lacks the privileges an operation needs. The message says which capabilities are
 * missing (root, or CAP_BPF plus CAP_PERFMON for tracing programs).
 */
public class BpfPermissionException extends BpfException {
    private static final long serialVersionUID = 1L;

    private final String missing;

    /**
     * @param operation what was being done
     * @param errno EPERM or EACCES
     * @param missing the missing privileges in words, e.g. {@code "root or CAP_BPF + CAP_PERFMON"}
     */
    public BpfPermissionException(String operation, int errno, String missing) {
        super(operation, errno, "needs " + missing);
        this.missing = missing;
    }

    /** The missing privileges in words. */
    public String missing() {
        return missing;
    }
}
