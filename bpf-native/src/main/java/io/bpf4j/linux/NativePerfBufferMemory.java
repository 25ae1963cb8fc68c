package io.bpf4j.linux;

import io.bpf4j.spi.PerfBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A perf buffer: one {@link BpfOutputEvent} per online CPU, each plugged into the perf event array's
 * slot for its CPU, and one epoll set over all of them. Samples are read in Java from the mapped
 * rings; only waiting calls into the kernel.
 *
 * <p>As libbpf does, CPUs that are offline when the buffer is opened get no event (one cannot be
 * opened there) and their map slot stays empty, so a program running there later finds no event
 * and its output fails with ENOENT. Their rings are empty placeholders that never fill.
 *
 * <p>{@link #close()} wakes waiters and waits for them to leave (through the {@link EpollSet}),
 * empties the map's slots so programs stop writing, and revokes the rings and closes the events
 * once no reader is inside them ({@link ResourceGuard}); a view kept past its handler then reads
 * zeros. The map's fd must stay valid until {@code onClose} runs: its object keeps a lease on it.
 */
final class NativePerfBufferMemory implements PerfBufferMemory, NativeEventSource {
    /** {@code struct perf_event_mmap_page} up to and including {@code data_tail}, rounded up. */
    private static final int OFFLINE_METADATA_SIZE = 1056;
    /** A power of two, as readers require; nothing is ever written there. */
    private static final int OFFLINE_DATA_SIZE = 8;

    private final String mapName;
    private final int mapFd;
    /** Indexed by CPU; null for a CPU that was offline. */
    private final BpfOutputEvent[] events;
    /**
     * The ring every offline CPU shows: head and tail stay 0, so it is always empty. Shared, as
     * readers write a tail only after a record. Direct, as their acquire loads need aligned memory.
     */
    private final ByteBuffer offlineMetadata = ByteBuffer.allocateDirect(OFFLINE_METADATA_SIZE)
            .order(ByteOrder.nativeOrder());
    private final ByteBuffer offlineData = ByteBuffer.allocateDirect(OFFLINE_DATA_SIZE).asReadOnlyBuffer();
    private final EpollSet waitSet;
    private final Consumer<NativePerfBufferMemory> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Readers inside the rings hold them open: the object may close this buffer from another thread. */
    private final ResourceGuard mapping;

    private NativePerfBufferMemory(String mapName, int mapFd, BpfOutputEvent[] events, EpollSet waitSet,
            Consumer<NativePerfBufferMemory> onClose) {
        this.mapName = mapName;
        this.mapFd = mapFd;
        this.events = events;
        this.waitSet = waitSet;
        this.onClose = onClose;
        this.mapping = new ResourceGuard("perf buffer '" + mapName + "'", this::closeEvents);
    }

    /**
     * Opens, maps, plugs in and enables one BPF output event per online CPU; on failure releases
     * what it made.
     *
     * @param cpus how many CPUs to serve: the possible CPUs, or fewer if the map has fewer slots
     * @param pagesPerCpu data pages per ring, as {@link PerfBufferMemory#checkedPagesPerCpu} accepted
     *     them: callers refuse a count that is not a power of two or exceeds
     *     {@link PerfBufferMemory#MAX_DATA_SIZE} before opening anything
     * @param onClose told once when the buffer is closed, after its last use of {@code mapFd}
     */
    static NativePerfBufferMemory open(String mapName, int mapFd, int cpus, int pagesPerCpu,
            Consumer<NativePerfBufferMemory> onClose) {
        return open(mapName, mapFd, cpus, OnlineCpus.read(), pagesPerCpu, onClose);
    }

    /**
     * As {@link #open(String, int, int, int, Consumer)}, for the CPUs {@code online} names (tests
     * pass a set without a CPU to see an offline CPU served as the kernel would).
     */
    static NativePerfBufferMemory open(String mapName, int mapFd, int cpus, BitSet online, int pagesPerCpu,
            Consumer<NativePerfBufferMemory> onClose) {
        String owner = "perf buffer '" + mapName + "'";
        BpfOutputEvent[] events = new BpfOutputEvent[cpus];
        EpollSet waitSet = null;
        try {
            waitSet = EpollSet.create(owner);
            for (int cpu = 0; cpu < cpus; cpu++) {
                if (!online.get(cpu)) {
                    continue;
                }
                BpfOutputEvent event = BpfOutputEvent.open(owner, cpu, pagesPerCpu);
                events[cpu] = event;
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
            emptySlots(mapFd, events);
            closeAll(events);
            throw e;
        }
    }

    /** Takes the events out of the map, so that programs stop writing to them. */
    private static void emptySlots(int mapFd, BpfOutputEvent[] events) {
        for (int cpu = 0; cpu < events.length; cpu++) {
            if (events[cpu] != null) {
                // ENOENT for a slot never filled (a failed open) is expected and harmless.
                BpfSyscall.delete(mapFd, u32(cpu), Integer.BYTES);
            }
        }
    }

    private static void closeAll(BpfOutputEvent[] events) {
        Arrays.stream(events).filter(Objects::nonNull).forEach(BpfOutputEvent::close);
    }

    private void closeEvents() {
        closeAll(events);
    }

    private static ByteBuffer u32(int value) {
        return ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.nativeOrder()).putInt(0, value);
    }

    @Override
    public int cpuCount() {
        return events.length;
    }

    /** The CPU's metadata page; for a CPU that was offline, a page whose head never moves. */
    @Override
    public ByteBuffer metadata(int cpu) {
        return events[cpu] != null ? events[cpu].metadata() : offlineMetadata;
    }

    /** The CPU's data area; for a CPU that was offline, an empty area of the smallest valid size. */
    @Override
    public ByteBuffer data(int cpu) {
        return events[cpu] != null ? events[cpu].data() : offlineData;
    }

    /** Whether {@code cpu} has a perf event (it was online when the buffer was opened). */
    boolean serves(int cpu) {
        return events[cpu] != null;
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
        return mapping.tryAcquire();
    }

    @Override
    public void endRead() {
        mapping.release();
    }

    /**
     * Wakes waiters, empties the map's slots, tells {@code onClose} (which may release the map's
     * fd), then revokes and closes every event once no reader is inside; once only. Never waits
     * for a drain: its handler may be the one closing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        waitSet.close();
        emptySlots(mapFd, events);
        mapping.close();
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return "perf buffer '" + mapName + "' (" + events.length + " CPUs" + (closed.get() ? ", closed)" : ")");
    }
}
