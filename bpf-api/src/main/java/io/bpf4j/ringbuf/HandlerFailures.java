package io.bpf4j.ringbuf;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the exceptions user handlers throw during one drain, so that a failing handler neither
 * stops the drain nor is swallowed: the drain calls {@link #add} per failure and
 * {@link #throwIfAny} at its end. Reused from drain to drain; a drain without failures allocates
 * nothing.
 *
 * <p>Only {@link Exception}s are collected; an {@link Error} (out of memory, a failed assertion)
 * propagates at once, after the record it came from has been consumed.
 *
 * <p>Not thread-safe: one drain at a time, as the readers serialise their drains.
 */
public final class HandlerFailures {
    /** At most this many exceptions beyond the first are kept as suppressed; all are counted. */
    public static final int MAX_SUPPRESSED = 15;

    private final List<Exception> kept = new ArrayList<>();
    private int count;

    /** Records a handler's exception. */
    public void add(Exception e) {
        if (kept.size() <= MAX_SUPPRESSED) {
            kept.add(e);
        }
        count++;
    }

    /**
     * Takes over the failures another drain reported (e.g. a perf buffer reader's own), so that
     * they join this drain's report: its cause and suppressed exceptions are kept, its count added.
     */
    public void addAll(HandlerException reported) {
        int before = count;
        if (reported.getCause() instanceof Exception) {
            add((Exception) reported.getCause());
        }
        for (Throwable suppressed : reported.getSuppressed()) {
            if (suppressed instanceof Exception) {
                add((Exception) suppressed);
            }
        }
        // Counts the failures the other drain had to leave out as well.
        count = before + reported.failures();
    }

    /** How many failures were added since the last {@link #throwIfAny}. */
    public int count() {
        return count;
    }

    /**
     * Throws a {@link HandlerException} for the failures added since the last call, if any, and
     * starts afresh either way.
     *
     * @param channel what was drained, for the message
     * @param delivered how many records the drain delivered
     */
    public void throwIfAny(String channel, int delivered) {
        if (count == 0) {
            return;
        }
        HandlerException failure = new HandlerException(channel, count, delivered, kept.get(0));
        for (int i = 1; i < kept.size(); i++) {
            if (kept.get(i) != kept.get(0)) { // a handler may rethrow one instance; self-suppression is illegal
                failure.addSuppressed(kept.get(i));
            }
        }
        kept.clear();
        count = 0;
        throw failure;
    }
}
