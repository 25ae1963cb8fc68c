package io.bpf4j;

/**
 * The running kernel lacks a feature an operation needs; the message names the feature and the
 * real cause (for example {@code "kprobes: CONFIG_KPROBES is not set"}).
 */
public class UnsupportedFeatureException extends BpfException {
    private static final long serialVersionUID = 1L;

    private final String feature;

    /**
     * @param operation what was being done
     * @param errno what the kernel answered
     * @param feature the missing feature and why it is missing
     */
    public UnsupportedFeatureException(String operation, int errno, String feature) {
        super(operation, errno, feature);
        this.feature = feature;
    }

    /** The missing feature and its cause. */
    public String feature() {
        return feature;
    }
}
