package io.bpf4j.events;

import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.RingBufferAccess;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.ringbuf.HandlerFailures;
import io.bpf4j.ringbuf.RecordHandler;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.EventSource;

/** A ring buffer of an {@link EventPoller}, its handler guarded so that a failure is collected. */
final class PolledRingBuffer implements PolledChannel {
    private final RingBufferReader<?> reader;
    private final RecordHandler guarded;

    PolledRingBuffer(RingBufferReader<?> reader, RecordHandler handler, HandlerFailures failures) {
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

    @Override
    public String description() {
        return "ring buffer '" + reader.name() + "'";
    }

    @Override
    public EventSource source() {
        return Bridge.get(RingBufferAccess.class, BpfRingBuffer.class).source(reader);
    }

    @Override
    public int drain() {
        return reader.drainViews(guarded);
    }
}
