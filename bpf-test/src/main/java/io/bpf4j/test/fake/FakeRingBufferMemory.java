package io.bpf4j.test.fake;

import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A reader's mapping of a {@link FakeRingBuffer}; closing it tells its object and the leak check. */
final class FakeRingBufferMemory implements RingBufferMemory {
    private final FakeRingBuffer ring;
    private final Consumer<FakeRingBufferMemory> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakeRingBufferMemory(FakeRingBuffer ring, Consumer<FakeRingBufferMemory> onClose) {
        this.ring = ring;
        this.onClose = onClose;
    }

    /** The ring's size; {@link FakeObject#ringBuffer} mapped it only after checking it fits an int. */
    @Override
    public int size() {
        return (int) ring.size();
    }

    @Override
    public ByteBuffer consumerPosition() {
        return ring.consumerPosition();
    }

    @Override
    public ByteBuffer producerPosition() {
        return ring.producerPosition();
    }

    @Override
    public ByteBuffer data() {
        return ring.dataArea();
    }

    @Override
    public boolean awaitData(long timeoutMillis) {
        return !closed.get() && ring.awaitData(timeoutMillis);
    }

    /** False once closed, as a real mapping answers; the fake's memory itself is never unmapped. */
    @Override
    public boolean beginRead() {
        return !closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ring.wakeAll();
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "ring buffer mapping of '" + ring.name() + "'";
    }
}
