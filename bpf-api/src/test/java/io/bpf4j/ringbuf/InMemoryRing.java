package io.bpf4j.ringbuf;

import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A ring laid out as the kernel lays it out (data area mirrored as the double mapping is), whose
 * producer never signals: {@link #awaitData} records the timeout, runs {@link #onAwait} (a test
 * can produce there, as a {@code BPF_RB_NO_WAKEUP} producer would) and reports a timeout.
 */
final class InMemoryRing implements RingBufferMemory {
    private final int size;
    final ByteBuffer consumer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    final ByteBuffer producer = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
    final ByteBuffer data;
    final List<Long> waits = new CopyOnWriteArrayList<>();
    volatile Runnable onAwait = () -> { };
    /** Set as a backend closing the memory behind the reader's back (its object closing) would. */
    volatile boolean closedByBackend;
    int closes;

    InMemoryRing(int size) {
        this.size = size;
        this.data = ByteBuffer.allocateDirect(2 * size).order(ByteOrder.nativeOrder());
    }

    /** Appends a committed 4-byte record holding {@code value}. */
    synchronized void append(int value) {
        long pos = producer.getLong(0);
        putInt(pos, 4);
        putInt(pos + 8, value);
        producer.putLong(0, pos + 16);
    }

    private void putInt(long pos, int value) {
        int at = (int) (pos & (size - 1));
        data.putInt(at, value);
        data.putInt(at + size, value);
    }

    long consumed() {
        return consumer.getLong(0);
    }

    @Override public int size() { return size; }
    @Override public ByteBuffer consumerPosition() { return consumer; }
    @Override public ByteBuffer producerPosition() { return producer; }
    @Override public ByteBuffer data() { return data; }

    @Override
    public boolean awaitData(long timeoutMillis) {
        waits.add(timeoutMillis);
        onAwait.run();
        return false;
    }

    @Override
    public boolean beginRead() {
        return !closedByBackend;
    }

    @Override
    public void close() {
        closes++;
    }
}
