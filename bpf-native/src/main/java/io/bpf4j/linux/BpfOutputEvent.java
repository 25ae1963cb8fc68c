package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import java.nio.ByteBuffer;

/**
 * One CPU's {@code PERF_COUNT_SW_BPF_OUTPUT} perf event, the target of
 * {@code bpf_perf_event_output} on that CPU, and its ring mapped into this process: the metadata
 * page ({@code struct perf_event_mmap_page}) then 2<sup>n</sup> data pages.
 */
final class BpfOutputEvent implements AutoCloseable {
    private static final long SYS_PERF_EVENT_OPEN = Platform.isIntel() ? 298 : 241;
    /** {@code sizeof(struct perf_event_attr)} as of PERF_ATTR_SIZE_VER8; the kernel accepts it zero-padded. */
    private static final int ATTR_SIZE = 128;
    private static final int PERF_TYPE_SOFTWARE = 1;
    private static final int PERF_COUNT_SW_BPF_OUTPUT = 10;
    private static final long PERF_SAMPLE_RAW = 1L << 10;
    /** {@code attr.disabled}: enabled only once the ring is mapped and plugged into the map. */
    private static final long FLAG_DISABLED = 1L;
    private static final long PERF_FLAG_FD_CLOEXEC = 8;
    /** {@code _IO('$', 0)} and {@code _IO('$', 1)}. */
    private static final long PERF_EVENT_IOC_ENABLE = 0x2400;
    /** {@code perf_event_mmap_page.data_offset}: where the data area starts in the mapping. */
    private static final int DATA_OFFSET = 1040;

    private final int cpu;
    private final int fd;
    private final SharedMapping ring;
    private final ByteBuffer metadata;
    private final ByteBuffer data;

    private BpfOutputEvent(int cpu, int fd, SharedMapping ring, int pageSize) {
        this.cpu = cpu;
        this.fd = fd;
        this.ring = ring;
        this.metadata = ring.buffer(0, pageSize, false);
        int dataOffset = (int) metadata.getLong(DATA_OFFSET);
        if (dataOffset == 0) {
            dataOffset = pageSize; // kernels before 4.1 leave it 0 and always start the data on page 1
        }
        // The mapping is writable because the reader writes data_tail; the records are only read,
        // and a read-only view turns a stray write into an exception instead of corrupt records.
        this.data = ring.buffer(dataOffset, Math.toIntExact(ring.length() - dataOffset), true);
    }

    /**
     * Opens the event on {@code cpu} (disabled) and maps its ring; on failure releases what it made.
     *
     * @param owner what the ring belongs to, for messages (e.g. {@code "perf buffer 'events'"})
     */
    static BpfOutputEvent open(String owner, int cpu, int dataPages) {
        String operation = "opening the BPF output perf event of " + owner + " on CPU " + cpu;
        int fd;
        try (Memory attr = new Memory(ATTR_SIZE)) {
            attr.clear();
            attr.setInt(0, PERF_TYPE_SOFTWARE);
            attr.setInt(4, ATTR_SIZE);
            attr.setLong(8, PERF_COUNT_SW_BPF_OUTPUT);
            attr.setLong(16, 1); // sample_period: every output is a sample
            attr.setLong(24, PERF_SAMPLE_RAW);
            attr.setLong(40, FLAG_DISABLED);
            attr.setInt(48, 1); // wakeup_events: signal epoll on every sample, as libbpf does
            fd = (int) LibC.syscall(SYS_PERF_EVENT_OPEN, Pointer.nativeValue(attr), -1, cpu, -1, PERF_FLAG_FD_CLOEXEC);
        }
        if (fd < 0) {
            throw KernelErrors.failure(operation + " (perf_event_open)", Native.getLastError(), null);
        }
        int pageSize = (int) LibC.pageSize();
        try {
            SharedMapping ring = SharedMapping.map("the ring of " + owner + " on CPU " + cpu + " (" + dataPages
                    + " data pages)", fd, 0, pageSize * (dataPages + 1L), LibC.PROT_READ | LibC.PROT_WRITE);
            return new BpfOutputEvent(cpu, fd, ring, pageSize);
        } catch (RuntimeException e) {
            LibC.close(fd);
            throw e;
        }
    }

    int fd() {
        return fd;
    }

    ByteBuffer metadata() {
        return metadata;
    }

    ByteBuffer data() {
        return data;
    }

    /** Starts the event: from now on the kernel writes this CPU's samples into the ring. */
    void enable(String owner) {
        if (LibC.ioctl(fd, PERF_EVENT_IOC_ENABLE, 0) < 0) {
            throw new BpfException("enabling the BPF output perf event of " + owner + " on CPU " + cpu
                    + " (ioctl PERF_EVENT_IOC_ENABLE)", Native.getLastError(), null);
        }
    }

    /**
     * Revokes the ring (a view kept past its handler then reads zeros) and closes the event; call
     * once, when no drain is in progress.
     */
    @Override
    public void close() {
        ring.revoke(false);
        LibC.close(fd);
    }
}
