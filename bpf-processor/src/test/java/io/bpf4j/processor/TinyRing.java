package io.bpf4j.processor;

import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A ring buffer's memory as the kernel lays it out, holding records committed before the reader
 * starts (so no producer runs concurrently): enough to drive {@code RingBufferReader} in
 * {@link TinyKernel}.
 */
final class TinyRing implements RingBufferMemory {
    private static final int HEADER_SIZE = 8;

    private final int size;
    private final ByteBuffer consumer = buffer(8);
    private final ByteBuffer producer = buffer(8);
    private final ByteBuffer data;

    /**
     * @param size the data area's size, a power of two
     * @param records the committed records, in order; they must fit without wrapping
     */
    TinyRing(int size, List<byte[]> records) {
        this.size = size;
        this.data = buffer(2 * size);
        int position = 0;
        for (byte[] record : records) {
            int next = position + ((record.length + HEADER_SIZE + 7) & ~7);
            if (next > size) {
                throw new IllegalArgumentException("records of " + next + " bytes do not fit a ring of " + size);
            }
            // Both mappings of the data area hold the record, as the kernel's double mapping would.
            for (int copy : new int[] {0, size}) {
                data.putInt(copy + position, record.length);
                data.put(copy + position + HEADER_SIZE, record);
            }
            position = next;
        }
        producer.putLong(0, position);
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ByteBuffer consumerPosition() {
        return consumer;
    }

    @Override
    public ByteBuffer producerPosition() {
        return producer;
    }

    @Override
    public ByteBuffer data() {
        return data;
    }

    @Override
    public boolean awaitData(long timeoutMillis) {
        // Nothing is ever produced after construction.
        return false;
    }

    @Override
    public void close() {}
}
