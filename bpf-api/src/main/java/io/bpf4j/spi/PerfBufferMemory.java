package io.bpf4j.spi;

import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;

/**
 * The memory of a perf buffer ({@code BPF_MAP_TYPE_PERF_EVENT_ARRAY} with one perf event per
 * CPU), laid out as the kernel lays it out, so that one reader
 * ({@link io.bpf4j.perfbuf.PerfBufferReader}) reads the real kernel's and a fake's alike.
 *
 * <p>Per CPU: a metadata page ({@code struct perf_event_mmap_page}: {@code data_head} at 1024,
 * written by the kernel; {@code data_tail} at 1032, written by the reader) and a data area of
 * 2<sup>n</sup> pages holding {@code struct perf_event_header}-framed records. All buffers are in
 * native byte order and show the rings until {@link #close()}; afterwards they are still safe to
 * touch but no longer the rings (see {@link SharedMemory}).
 */
public interface PerfBufferMemory extends EventSource, SharedMemory {
    /** The largest data area of one CPU's ring a reader addresses: 1 GiB, the largest power of two a buffer holds. */
    int MAX_DATA_SIZE = 1 << 30;

    /**
     * {@code pagesPerCpu} when each CPU's ring of perf buffer {@code mapName} can have that many data
     * pages of {@code pageSize} bytes; backends call this before opening anything.
     *
     * @throws IllegalArgumentException naming the map, the pages and the limit, when {@code pagesPerCpu}
     *     is not a positive power of two or its data area would exceed {@link #MAX_DATA_SIZE}
     */
    static int checkedPagesPerCpu(String mapName, int pagesPerCpu, long pageSize) {
        String where = "perf buffer '" + Printable.escape(mapName) + "': ";
        if (pagesPerCpu <= 0 || Integer.bitCount(pagesPerCpu) != 1) {
            throw new IllegalArgumentException(where + pagesPerCpu + " pages per CPU is not a power of two");
        }
        if ((long) pagesPerCpu * pageSize > MAX_DATA_SIZE) {
            throw new IllegalArgumentException(where + pagesPerCpu + " pages per CPU of " + pageSize + " bytes are "
                    + (long) pagesPerCpu * pageSize + " bytes per CPU, more than the " + MAX_DATA_SIZE
                    + " (1 GiB) a reader addresses: at most " + MAX_DATA_SIZE / pageSize + " pages");
        }
        return pagesPerCpu;
    }

    /** How many per-CPU rings there are; CPUs are numbered {@code 0 .. cpuCount() - 1}. */
    int cpuCount();

    /** The metadata page of {@code cpu}'s ring: writable, at least 1056 bytes. */
    ByteBuffer metadata(int cpu);

    /** The data area of {@code cpu}'s ring: its capacity is a power of two. */
    ByteBuffer data(int cpu);

    /** Waits until any CPU's ring is signalled (see {@link EventSource#awaitData}). */
    @Override
    boolean awaitData(long timeoutMillis);

    /** Releases the perf events and stops sharing the rings once no drain is inside them; idempotent. */
    @Override
    void close();
}
