package io.bpf4j.ringbuf;

/**
 * One ring of a {@link RingBufferPoller}: its reader and its handler, guarded so that a handler's
 * exception is collected instead of ending the drain.
 */
final class PolledRing {
    private final RingBufferReader<?> reader;
    private final RecordHandler guarded;

    PolledRing(RingBufferReader<?> reader, RecordHandler handler, HandlerFailures failures) {
        this.reader = reader;
        // Built once per ring, so delivering a record allocates nothing.
        this.guarded = (data, offset, length) -> {
            try {
                handler.onRecord(data, offset, length);
            } catch (Exception e) {
                failures.add(e);
            }
        };
    }

    RingBufferReader<?> reader() {
        return reader;
    }

    /** Delivers every available record; no system call when the ring is empty. */
    int drain() {
        return reader.drainViews(guarded);
    }
}
