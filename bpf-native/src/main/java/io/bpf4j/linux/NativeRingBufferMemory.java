package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A BPF ring buffer's memory mapped into this process, as the kernel lays it out: the consumer
 * page (writable), then the producer page and the data area mapped twice in a row (read-only).
 * Records are read in Java from these buffers; only waiting calls into the kernel ({@code epoll}).
 *
 * <p>An {@code eventfd} in the same epoll set lets {@link #close()} wake threads blocked in
 * {@link #awaitData}, wait for them to leave, and only then unmap, so closing never hangs and no
 * waiter uses a closed fd.
 */
final class NativeRingBufferMemory implements RingBufferMemory {
    /** epoll data of the wake-up eventfd (the ring's own is 0). */
    private static final long WAKE_TOKEN = 1;
    private static final int MAX_EVENTS = 2;

    private final String mapName;
    private final int size;
    private final long pageSize;
    private final long consumerAddress;
    private final long producerAddress;
    private final long producerLength;
    private final int epollFd;
    private final int wakeFd;
    /** epoll_wait's events, then the 8-byte counter written to the eventfd. */
    private final Memory scratch;
    private final ByteBuffer consumer;
    private final ByteBuffer producer;
    private final ByteBuffer data;
    private final Consumer<NativeRingBufferMemory> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Waiters hold it shared; {@link #close()} takes it exclusively before releasing anything. */
    private final ReentrantReadWriteLock inUse = new ReentrantReadWriteLock();

    private NativeRingBufferMemory(String mapName, int size, long pageSize, long consumerAddress, long producerAddress,
            int epollFd, int wakeFd, Memory scratch, Consumer<NativeRingBufferMemory> onClose) {
        this.mapName = mapName;
        this.size = size;
        this.pageSize = pageSize;
        this.consumerAddress = consumerAddress;
        this.producerAddress = producerAddress;
        this.producerLength = pageSize + 2L * size;
        this.epollFd = epollFd;
        this.wakeFd = wakeFd;
        this.scratch = scratch;
        this.onClose = onClose;
        this.consumer = new Pointer(consumerAddress).getByteBuffer(0, pageSize).order(ByteOrder.nativeOrder());
        Pointer producerPage = new Pointer(producerAddress);
        // Read-only views: a write to the PROT_READ mapping would crash the JVM instead of throwing.
        this.producer = producerPage.getByteBuffer(0, pageSize).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
        this.data = producerPage.getByteBuffer(pageSize, 2L * size).asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    /**
     * Maps the ring buffer {@code mapFd} ({@code max_entries} = {@code size}, a power-of-two
     * multiple of the page size) and sets up its wake-ups; on failure releases what it made.
     *
     * @param onClose told once when the memory is closed
     */
    static NativeRingBufferMemory map(String mapName, int mapFd, int size, Consumer<NativeRingBufferMemory> onClose) {
        String operation = "mapping ring buffer '" + mapName + "'";
        long pageSize = LibC.pageSize();
        long consumer = LibC.MAP_FAILED;
        long producer = LibC.MAP_FAILED;
        int epollFd = -1;
        int wakeFd = -1;
        Memory scratch = null;
        try {
            consumer = LibC.mmap(0, pageSize, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_SHARED, mapFd, 0);
            if (consumer == LibC.MAP_FAILED) {
                throw KernelErrors.failure(operation + " (consumer page)", Native.getLastError(), null);
            }
            producer = LibC.mmap(0, pageSize + 2L * size, LibC.PROT_READ, LibC.MAP_SHARED, mapFd, pageSize);
            if (producer == LibC.MAP_FAILED) {
                throw KernelErrors.failure(operation + " (producer page and data)", Native.getLastError(), null);
            }
            epollFd = LibC.epoll_create1(LibC.EPOLL_CLOEXEC);
            if (epollFd < 0) {
                throw new BpfException(operation + " (epoll_create1)", Native.getLastError(), null);
            }
            wakeFd = LibC.eventfd(0, LibC.EFD_CLOEXEC | LibC.EFD_NONBLOCK);
            if (wakeFd < 0) {
                throw new BpfException(operation + " (eventfd)", Native.getLastError(), null);
            }
            scratch = new Memory((long) LibC.EPOLL_EVENT_SIZE * MAX_EVENTS + Long.BYTES);
            watch(operation, epollFd, mapFd, 0, scratch);
            watch(operation, epollFd, wakeFd, WAKE_TOKEN, scratch);
            return new NativeRingBufferMemory(mapName, size, pageSize, consumer, producer, epollFd, wakeFd, scratch,
                    onClose);
        } catch (RuntimeException e) {
            if (scratch != null) {
                scratch.close();
            }
            closeFd(wakeFd);
            closeFd(epollFd);
            if (producer != LibC.MAP_FAILED) {
                LibC.munmap(producer, pageSize + 2L * size);
            }
            if (consumer != LibC.MAP_FAILED) {
                LibC.munmap(consumer, pageSize);
            }
            throw e;
        }
    }

    private static void watch(String operation, int epollFd, int fd, long token, Memory scratch) {
        scratch.setInt(0, LibC.EPOLLIN);
        scratch.setLong(LibC.EPOLL_EVENT_DATA_OFFSET, token);
        if (LibC.epoll_ctl(epollFd, LibC.EPOLL_CTL_ADD, fd, Pointer.nativeValue(scratch)) < 0) {
            throw new BpfException(operation + " (epoll_ctl)", Native.getLastError(), null);
        }
    }

    private static void closeFd(int fd) {
        if (fd >= 0) {
            LibC.close(fd);
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
        if (!inUse.readLock().tryLock()) {
            return false; // closing
        }
        try {
            long deadline = System.nanoTime() + Math.max(0, timeoutMillis) * 1_000_000;
            while (!closed.get()) {
                int timeout = (int) Math.min(Integer.MAX_VALUE,
                        Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000));
                int ready = LibC.epoll_wait(epollFd, Pointer.nativeValue(scratch), MAX_EVENTS, timeout);
                if (ready > 0) {
                    // Only the ring and close() signal; after close() the answer is "no data".
                    return !closed.get();
                }
                if (ready == 0) {
                    return false;
                }
                int errno = Native.getLastError();
                if (errno != Errno.EINTR) {
                    throw new BpfException("waiting on ring buffer '" + mapName + "' (epoll_wait)", errno, null);
                }
            }
            return false;
        } finally {
            inUse.readLock().unlock();
        }
    }

    /** Wakes waiters, waits until they have left, then unmaps and closes; once only. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long counter = Pointer.nativeValue(scratch) + (long) LibC.EPOLL_EVENT_SIZE * MAX_EVENTS;
        scratch.setLong((long) LibC.EPOLL_EVENT_SIZE * MAX_EVENTS, 1);
        LibC.write(wakeFd, counter, Long.BYTES);
        inUse.writeLock().lock();
        try {
            LibC.munmap(producerAddress, producerLength);
            LibC.munmap(consumerAddress, pageSize);
            LibC.close(epollFd);
            LibC.close(wakeFd);
            scratch.close();
        } finally {
            inUse.writeLock().unlock();
        }
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "ring buffer '" + mapName + "' (" + size + " bytes" + (closed.get() ? ", closed)" : ")");
    }
}
