package io.bpf4j.linux;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Defers unmapping shared memory until no reader is inside it: readers bracket each drain with
 * {@link #beginRead()} and {@link #endRead()}; {@link #close()} unmaps at once when no read is
 * open, otherwise the last read to end does. Lock-free, so a handler that closes the memory in the
 * middle of a drain on the same thread neither deadlocks nor pulls the mapping from under itself.
 */
final class MappingGuard {
    private static final int CLOSED = 1;
    /** Each open read adds this; the low bit is {@link #CLOSED}. */
    private static final int READ = 2;

    private final AtomicInteger state = new AtomicInteger();
    private final Runnable unmap;

    /** @param unmap releases the memory; run exactly once, by whichever thread leaves it last */
    MappingGuard(Runnable unmap) {
        this.unmap = unmap;
    }

    /** @return false once closed: the memory must not be touched */
    boolean beginRead() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + READ)) {
                return true;
            }
        }
    }

    /** Ends a read begun successfully; the last one after {@link #close()} unmaps. */
    void endRead() {
        if (state.addAndGet(-READ) == CLOSED) {
            unmap.run();
        }
    }

    /** Refuses new reads and unmaps once the open ones have ended; idempotent. */
    void close() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return;
            }
            if (state.compareAndSet(s, s | CLOSED)) {
                if (s == 0) {
                    unmap.run();
                }
                return;
            }
        }
    }
}
