package io.bpf4j.test.fake;

import io.bpf4j.spi.PerfBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A reader's mapping of a {@link FakePerfBuffer}'s per-CPU rings; closing it tells its object and the leak check. */
final class FakePerfBufferMemory implements PerfBufferMemory {
    private final FakePerfBuffer buffer;
    private final FakePerfBuffer.Rings rings;
    private final Consumer<FakePerfBufferMemory> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakePerfBufferMemory(FakePerfBuffer buffer, int pagesPerCpu, Consumer<FakePerfBufferMemory> onClose) {
        this.buffer = buffer;
        this.rings = buffer.open(pagesPerCpu);
        this.onClose = onClose;
    }

    @Override
    public int cpuCount() {
        return rings.metadata.length;
    }

    @Override
    public ByteBuffer metadata(int cpu) {
        return rings.metadata[cpu].duplicate().order(ByteOrder.nativeOrder());
    }

    @Override
    public ByteBuffer data(int cpu) {
        return rings.data[cpu].asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    @Override
    public boolean awaitData(long timeoutMillis) {
        return !closed.get() && buffer.awaitData(rings, timeoutMillis);
    }

    /** False once closed, as a real mapping answers; the fake's memory itself is never unmapped. */
    @Override
    public boolean beginRead() {
        return !closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            buffer.closed(rings);
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "perf buffer of '" + buffer.name() + "'";
    }
}
