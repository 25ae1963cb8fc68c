package io.bpf4j.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A BPF ring buffer's memory mapped into this process, as the kernel lays it out: the consumer
 * page (writable), then the producer page and the data area mapped twice in a row (read-only).
 * Records are read in Java from these buffers; only waiting calls into the kernel ({@code epoll}).
 *
 * <p>The ring's {@link EpollSet} lets {@link #close()} wake threads blocked in {@link #awaitData}
 * and wait for them to leave before unmapping, so closing never hangs and no waiter uses a closed
 * fd; a poller nests that set in its own to wait on several rings at once.
 */
final class NativeRingBufferMemory implements RingBufferMemory, NativeEventSource {
    private final String mapName;
    private final int size;
    private final long pageSize;
    private final long consumerAddress;
    private final long producerAddress;
    private final long producerLength;
    private final EpollSet waitSet;
    private final ByteBuffer consumer;
    private final ByteBuffer producer;
    private final ByteBuffer data;
    private final Consumer<NativeRingBufferMemory> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Readers inside the mapping hold it open: the object may close this buffer from another thread. */
    private final MappingGuard mapping = new MappingGuard(this::unmap);

    private NativeRingBufferMemory(String mapName, int size, long pageSize, long consumerAddress, long producerAddress,
            EpollSet waitSet, Consumer<NativeRingBufferMemory> onClose) {
        this.mapName = mapName;
        this.size = size;
        this.pageSize = pageSize;
        this.consumerAddress = consumerAddress;
        this.producerAddress = producerAddress;
        this.producerLength = pageSize + 2L * size;
        this.waitSet = waitSet;
        this.onClose = onClose;
        this.consumer = new Pointer(consumerAddress).getByteBuffer(0, pageSize).order(ByteOrder.nativeOrder());
        Pointer producerPage = new Pointer(producerAddress);
        // Read-only views: a write to the PROT_READ mapping would crash the JVM instead of throwing.
        this.producer = producerPage.getByteBuffer(0, pageSize).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
        // The mapping spans 2 * size bytes; a 1 GiB ring's buffer stops one byte short, which no record reaches.
        this.data = producerPage.getByteBuffer(pageSize, RingBufferMemory.dataCapacity(size)).asReadOnlyBuffer()
                .order(ByteOrder.nativeOrder());
    }

    /**
     * Maps the ring buffer {@code mapFd} ({@code max_entries} = {@code maxEntries}, a power-of-two
     * multiple of the page size) and sets up its wake-ups; on failure releases what it made.
     *
     * @param onClose told once when the memory is closed
     * @throws io.bpf4j.UnsupportedFeatureException before mapping anything, for a ring larger than
     *     {@link RingBufferMemory#MAX_SIZE}
     */
    static NativeRingBufferMemory map(String mapName, int mapFd, long maxEntries,
            Consumer<NativeRingBufferMemory> onClose) {
        int size = RingBufferMemory.checkedSize(mapName, maxEntries);
        String operation = "mapping ring buffer '" + mapName + "'";
        long pageSize = LibC.pageSize();
        long consumer = LibC.MAP_FAILED;
        long producer = LibC.MAP_FAILED;
        EpollSet waitSet = null;
        try {
            consumer = LibC.mmap(0, pageSize, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, mapFd, 0);
            if (consumer == LibC.MAP_FAILED) {
                throw KernelErrors.failure(operation + " (consumer page)", Native.getLastError(), null);
            }
            producer = LibC.mmap(0, pageSize + 2L * size, LibC.PROT_READ, LibC.MAP_SHARED, mapFd, pageSize);
            if (producer == LibC.MAP_FAILED) {
                throw KernelErrors.failure(operation + " (producer page and data)", Native.getLastError(), null);
            }
            waitSet = EpollSet.create("ring buffer '" + mapName + "'");
            waitSet.watch(mapFd);
            return new NativeRingBufferMemory(mapName, size, pageSize, consumer, producer, waitSet, onClose);
        } catch (RuntimeException e) {
            if (waitSet != null) {
                waitSet.close();
            }
            if (producer != LibC.MAP_FAILED) {
                LibC.munmap(producer, pageSize + 2L * size);
            }
            if (consumer != LibC.MAP_FAILED) {
                LibC.munmap(consumer, pageSize);
            }
            throw e;
        }
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

    /**
     * Blocks in {@code epoll_wait} until the kernel reports unread data (level-triggered: it
     * returns at once while records are waiting) or the timeout passes. Returns false when closed.
     */
    @Override
    public boolean awaitData(long timeoutMillis) {
        return waitSet.await(timeoutMillis);
    }

    @Override
    public EpollSet waitSet() {
        return waitSet;
    }

    @Override
    public boolean beginRead() {
        return mapping.beginRead();
    }

    @Override
    public void endRead() {
        mapping.endRead();
    }

    /** Wakes waiters and waits until they have left; unmaps once no reader is inside; once only. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        waitSet.close();
        mapping.close();
        onClose.accept(this);
    }

    private void unmap() {
        LibC.munmap(producerAddress, producerLength);
        LibC.munmap(consumerAddress, pageSize);
    }

    @Override
    public String toString() {
        return "ring buffer '" + mapName + "' (" + size + " bytes" + (closed.get() ? ", closed)" : ")");
    }
}
