package io.bpf4j;

/**
 * A failed operation on a BPF object, map, program or link.
 *
 * <p>Carries the operation that failed (for example {@code "bpf(BPF_MAP_UPDATE_ELEM) on map 'counts'"})
 * and, where the kernel or libbpf gave one, the errno. The message always names both.
 */
public class BpfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int errno;

    /**
     * @param operation what was being done, in words a user recognises
     * @param errno the positive errno, or 0 when there is none
     * @param detail extra explanation appended to the message, or {@code null}
     */
    public BpfException(String operation, int errno, String detail) {
        this(operation, errno, detail, null);
    }

    /** Same as {@link #BpfException(String, int, String)} with a cause. */
    public BpfException(String operation, int errno, String detail, Throwable cause) {
        super(message(operation, errno, detail), cause);
        this.operation = operation;
        this.errno = errno;
    }

    private static String message(String operation, int errno, String detail) {
        StringBuilder sb = new StringBuilder(operation).append(" failed");
        if (errno != 0) {
            sb.append(": ").append(Errno.describe(errno));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(errno != 0 ? "; " : ": ").append(detail);
        }
        return sb.toString();
    }

    /** The operation that failed. */
    public String operation() {
        return operation;
    }

    /** The positive errno the kernel or libbpf reported, or 0 when there was none. */
    public int errno() {
        return errno;
    }
}
