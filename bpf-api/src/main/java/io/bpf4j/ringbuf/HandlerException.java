package io.bpf4j.ringbuf;

/**
 * User handlers threw while a drain delivered records. The drain does not stop at a failing
 * handler: each record is consumed whether its handler returns or throws, the remaining records
 * are still delivered, and this exception is thrown once the drain is over.
 *
 * <p>The first handler exception is the {@linkplain #getCause() cause}; the next ones (up to
 * {@link HandlerFailures#MAX_SUPPRESSED}) are {@linkplain #getSuppressed() suppressed};
 * {@link #failures()} counts them all, including those not kept.
 */
public final class HandlerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int failures;
    private final int delivered;

    /**
     * @param channel what was drained, for the message (e.g. {@code "ring buffer 'events'"})
     * @param failures how many handler calls threw
     * @param delivered how many records were delivered by the drain, failed ones included
     * @param first the first exception thrown by a handler
     */
    public HandlerException(String channel, int failures, int delivered, Throwable first) {
        super("draining " + channel + ": " + failures + " of " + delivered + " record handler call"
                + (delivered == 1 ? "" : "s") + " threw; the first: " + first, first);
        this.failures = failures;
        this.delivered = delivered;
    }

    /** How many handler calls threw during the drain. */
    public int failures() {
        return failures;
    }

    /** How many records the drain delivered, those whose handler threw included. */
    public int delivered() {
        return delivered;
    }
}
