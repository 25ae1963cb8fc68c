package io.bpf4j.linux;

import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A BPF ring buffer's memory mapped into this process, as the kernel lays it out: the consumer
 * page (writable), then the producer page and the data area mapped twice in a row (read-only).
 * Records are read in Java from these buffers; only waiting calls into the kernel ({@code epoll}).
 * The data area is a mapping of its own: a 1 GiB ring's is 2 GiB, all a mapping's buffers reach
 * (see {@link SharedMapping#MAX_LENGTH}) with no room for the producer page in front.
 *
 * <p>The ring's {@link EpollSet} lets {@link #close()} wake threads blocked in {@link #awaitData}
 * and wait for them to leave, so closing never hangs and no waiter uses a closed fd; a poller
 * nests that set in its own to wait on several rings at once. The mappings are revoked (replaced
 * by zeroed memory of this process, see {@link SharedMapping}) once no drain is inside them
 * ({@link ResourceGuard}), so a record view kept past its handler reads zeros instead of crashing.
 * Zeroed rather than copied: a ring may be hundreds of megabytes, and no drain ever sees it.
 */
final class NativeRingBufferMemory implements RingBufferMemory, NativeEventSource {
    private final String mapName;
    private final int size;
    private final SharedMapping consumerPage;
    private final SharedMapping producerPage;
    private final SharedMapping dataPages;
    private final EpollSet waitSet;
    private final ByteBuffer consumer;
    private final ByteBuffer producer;
    private final ByteBuffer data;
    private final Consumer<NativeRingBufferMemory> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Readers inside the mapping hold it open: the object may close this buffer from another thread. */
    private final ResourceGuard mapping;

    private NativeRingBufferMemory(String mapName, int size, int pageSize, SharedMapping consumerPage,
            SharedMapping producerPage, SharedMapping dataPages, EpollSet waitSet,
            Consumer<NativeRingBufferMemory> onClose) {
        this.mapName = mapName;
        this.size = size;
        this.consumerPage = consumerPage;
        this.producerPage = producerPage;
        this.dataPages = dataPages;
        this.waitSet = waitSet;
        this.onClose = onClose;
        this.mapping = new ResourceGuard("ring buffer '" + mapName + "'", this::revoke);
        this.consumer = consumerPage.buffer(0, pageSize, false);
        // Read-only views: a write to the PROT_READ mapping would crash the JVM instead of throwing.
        this.producer = producerPage.buffer(0, pageSize, true);
        // The mapping spans 2 * size bytes; a 1 GiB ring's buffer stops one byte short, which no record reaches.
        this.data = dataPages.buffer(0, RingBufferMemory.dataCapacity(size), true);
    }

    /**
     * Maps the ring buffer {@code mapFd} ({@code max_entries} = {@code size}, a power-of-two
     * multiple of the page size) and sets up its wake-ups; on failure releases what it made.
     *
     * @param size the ring's size as {@link RingBufferMemory#checkedSize} accepted it: callers refuse
     *     a ring larger than {@link RingBufferMemory#MAX_SIZE} before mapping anything
     * @param onClose told once when the memory is closed
     */
    static NativeRingBufferMemory map(String mapName, int mapFd, int size, Consumer<NativeRingBufferMemory> onClose) {
        String what = "ring buffer '" + mapName + "'";
        int pageSize = (int) LibC.pageSize();
        SharedMapping consumer = null;
        SharedMapping producer = null;
        SharedMapping data = null;
        EpollSet waitSet = null;
        try {
            consumer = SharedMapping.map(what + " (consumer page)", mapFd, 0, pageSize,
                    LibC.PROT_READ | LibC.PROT_WRITE);
            producer = SharedMapping.map(what + " (producer page)", mapFd, pageSize, pageSize, LibC.PROT_READ);
            data = SharedMapping.map(what + " (data)", mapFd, 2L * pageSize, 2L * size, LibC.PROT_READ);
            waitSet = EpollSet.create(what);
            waitSet.watch(mapFd);
            return new NativeRingBufferMemory(mapName, size, pageSize, consumer, producer, data, waitSet, onClose);
        } catch (RuntimeException e) {
            if (waitSet != null) {
                waitSet.close();
            }
            // Nothing was handed out yet: revoking lets the kernel's ring go now, not at the next GC.
            if (data != null) {
                data.revoke(false);
            }
            if (producer != null) {
                producer.revoke(false);
            }
            if (consumer != null) {
                consumer.revoke(false);
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
        return mapping.tryAcquire();
    }

    @Override
    public void endRead() {
        mapping.release();
    }

    /**
     * Wakes waiters and waits until they have left; revokes the mappings once no drain is inside;
     * once only. Never waits for a drain: its handler may be the one closing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        waitSet.close();
        mapping.close();
        onClose.accept(this);
    }

    private void revoke() {
        dataPages.revoke(false);
        producerPage.revoke(false);
        consumerPage.revoke(false);
    }

    @Override
    public String toString() {
        return "ring buffer '" + mapName + "' (" + size + " bytes" + (closed.get() ? ", closed)" : ")");
    }
}
