package io.bpf4j.events;

import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.PerfBufferAccess;
import io.bpf4j.perfbuf.BpfPerfBuffer;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.HandlerException;
import io.bpf4j.ringbuf.HandlerFailures;
import io.bpf4j.ringbuf.RecordHandler;
import io.bpf4j.spi.EventSource;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * A perf buffer of an {@link EventPoller}. Sample handlers are guarded so that a failure is
 * collected; failures the reader reports itself (its lost-sample handler, a sample too short for
 * its type) arrive as the reader's {@link HandlerException} and join the poller's report.
 */
final class PolledPerfBuffer implements PolledChannel {
    private final PerfBufferReader<?> reader;
    private final IntSupplier drain;
    private final HandlerFailures failures;

    private PolledPerfBuffer(PerfBufferReader<?> reader, IntSupplier drain, HandlerFailures failures) {
        this.reader = reader;
        this.drain = drain;
        this.failures = failures;
    }

    /** Samples delivered in place; the guarded handler is built once, so a sample allocates nothing. */
    static PolledPerfBuffer views(PerfBufferReader<?> reader, RecordHandler handler, HandlerFailures failures) {
        RecordHandler guarded = (data, offset, length) -> {
            try {
                handler.onRecord(data, offset, length);
            } catch (Exception e) {
                failures.add(e);
            }
        };
        return new PolledPerfBuffer(reader, () -> reader.drainViews(guarded), failures);
    }

    /** Samples decoded by the reader's codec and delivered as typed values. */
    static <T> PolledPerfBuffer typed(PerfBufferReader<T> reader, Consumer<? super T> handler, HandlerFailures failures) {
        Consumer<T> guarded = value -> {
            try {
                handler.accept(value);
            } catch (Exception e) {
                failures.add(e);
            }
        };
        return new PolledPerfBuffer(reader, () -> reader.drain(guarded), failures);
    }

    @Override
    public String description() {
        return "perf buffer '" + reader.name() + "'";
    }

    @Override
    public EventSource source() {
        return Bridge.get(PerfBufferAccess.class, BpfPerfBuffer.class).source(reader);
    }

    @Override
    public int drain() {
        try {
            return drain.getAsInt();
        } catch (HandlerException e) {
            // The reader consumed every record before it threw; only the report moves to the poller.
            failures.addAll(e);
            return e.delivered();
        }
    }
}
