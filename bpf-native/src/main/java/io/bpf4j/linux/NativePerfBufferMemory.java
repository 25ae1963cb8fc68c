package io.bpf4j.linux;

import io.bpf4j.spi.PerfBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A perf buffer: one {@link BpfOutputEvent} per CPU, each plugged into the perf event array's slot
 * for its CPU, and one epoll set over all of them. Samples are read in Java from the mapped rings;
 * only waiting calls into the kernel.
 *
 * <p>{@link #close()} wakes waiters and waits for them to leave (through the {@link EpollSet}),
 * empties the map's slots so programs stop writing, and unmaps and closes the events once no
 * reader is inside them ({@link MappingGuard}).
 */
final class NativePerfBufferMemory implements PerfBufferMemory, NativeEventSource {
    private final String mapName;
    private final int mapFd;
    private final List<BpfOutputEvent> events;
    private final EpollSet waitSet;
    private final Consumer<NativePerfBufferMemory> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Readers inside the rings hold them open: the object may close this buffer from another thread. */
    private final MappingGuard mapping = new MappingGuard(this::closeEvents);

    private NativePerfBufferMemory(String mapName, int mapFd, List<BpfOutputEvent> events, EpollSet waitSet,
            Consumer<NativePerfBufferMemory> onClose) {
        this.mapName = mapName;
        this.mapFd = mapFd;
        this.events = List.copyOf(events);
        this.waitSet = waitSet;
        this.onClose = onClose;
    }

    /**
     * Opens, maps, plugs in and enables one BPF output event per CPU; on failure releases what it made.
     *
     * @param cpus how many CPUs to serve: the possible CPUs, or fewer if the map has fewer slots
     * @param pagesPerCpu data pages per ring: a power of two
     * @param onClose told once when the buffer is closed
     * @throws IllegalArgumentException when {@code pagesPerCpu} is not a power of two
     */
    static NativePerfBufferMemory open(String mapName, int mapFd, int cpus, int pagesPerCpu,
            Consumer<NativePerfBufferMemory> onClose) {
        if (pagesPerCpu <= 0 || Integer.bitCount(pagesPerCpu) != 1) {
            throw new IllegalArgumentException("perf buffer '" + mapName + "': " + pagesPerCpu
                    + " pages per CPU is not a power of two");
        }
        String owner = "perf buffer '" + mapName + "'";
        List<BpfOutputEvent> events = new ArrayList<>();
        EpollSet waitSet = null;
        try {
            waitSet = EpollSet.create(owner);
            for (int cpu = 0; cpu < cpus; cpu++) {
                BpfOutputEvent event = BpfOutputEvent.open(owner, cpu, pagesPerCpu);
                events.add(event);
                int errno = BpfSyscall.update(mapFd, u32(cpu), Integer.BYTES, u32(event.fd()), Integer.BYTES, 0);
                if (errno != 0) {
                    throw KernelErrors.failure("plugging the perf event of CPU " + cpu + " into " + owner
                            + " (bpf(BPF_MAP_UPDATE_ELEM))", errno, null);
                }
                waitSet.watch(event.fd());
                event.enable(owner);
            }
            return new NativePerfBufferMemory(mapName, mapFd, events, waitSet, onClose);
        } catch (RuntimeException e) {
            if (waitSet != null) {
                waitSet.close();
            }
            emptySlots(mapFd, events.size());
            events.forEach(BpfOutputEvent::close);
            throw e;
        }
    }

    /** Takes the events out of the map, so that programs stop writing to them. */
    private static void emptySlots(int mapFd, int cpus) {
        for (int cpu = 0; cpu < cpus; cpu++) {
            // ENOENT for a slot never filled is expected; the program then simply finds no event there.
            BpfSyscall.delete(mapFd, u32(cpu), Integer.BYTES);
        }
    }

    private void closeEvents() {
        events.forEach(BpfOutputEvent::close);
    }

    private static ByteBuffer u32(int value) {
        return ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(0, value);
    }

    @Override
    public int cpuCount() {
        return events.size();
    }

    @Override
    public ByteBuffer metadata(int cpu) {
        return events.get(cpu).metadata();
    }

    @Override
    public ByteBuffer data(int cpu) {
        return events.get(cpu).data();
    }

    /**
     * Blocks in {@code epoll_wait} until a CPU's event signals (after each sample, as
     * {@code wakeup_events} is 1), the timeout passes, or the buffer is closed.
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

    /**
     * Wakes waiters, empties the map's slots (the map fd is valid only until the object closes),
     * then unmaps and closes every event once no reader is inside; once only.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        waitSet.close();
        emptySlots(mapFd, events.size());
        mapping.close();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "perf buffer '" + mapName + "' (" + events.size() + " CPUs" + (closed.get() ? ", closed)" : ")");
    }
}
