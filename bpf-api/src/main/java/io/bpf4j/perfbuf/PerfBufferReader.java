package io.bpf4j.perfbuf;

import io.bpf4j.codec.Codec;
import io.bpf4j.ringbuf.HandlerException;
import io.bpf4j.ringbuf.HandlerFailures;
import io.bpf4j.ringbuf.RecordHandler;
import io.bpf4j.spi.PerfBufferMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Consumes a perf buffer from its per-CPU shared memory: each CPU's ring is read in Java (acquire
 * load of {@code data_head}, release store of {@code data_tail}); only waiting calls into the
 * kernel (epoll on the real kernel). A poll that finds every ring empty makes no system call.
 *
 * <p>Samples carry the bytes the program passed to {@code bpf_perf_event_output}, padded by the
 * kernel to 8-byte alignment (so a view may be up to 7 bytes longer than the program's record).
 * Samples the kernel had to drop are counted per CPU ({@link #lostSamples(int)}) and reported to
 * the {@link LostHandler}.
 *
 * <p><b>Handler failures.</b> An exception thrown by a handler (sample or lost) does not stop the
 * drain: the record is consumed, the remaining records of every CPU are delivered, and then the
 * drain throws a {@link HandlerException} with the first exception as cause, the next ones
 * suppressed and the count. An {@link Error} propagates at once.
 *
 * <p>Thread-safe: drains are serialised. {@link #close()} may come from any thread, a handler
 * included, and never waits for a drain: the memory stays shared until a running drain has ended
 * ({@link PerfBufferMemory#beginRead()}). A sample's bytes are valid only during its handler; a
 * view kept afterwards reads zeros once the buffer is closed, never freed memory.
 *
 * @param <T> the record type of the typed path
 */
public final class PerfBufferReader<T> implements AutoCloseable {
    /** The largest record {@code perf_event_header.size} can describe. */
    private static final int MAX_RECORD_SIZE = 0xFFFF;

    private final String name;
    private final PerfBufferMemory memory;
    private final Codec<T> codec;
    private final LostHandler onLost;
    private final PerfRing[] rings;
    /** Where a record that wraps around the end of a data area is made contiguous; one per reader. */
    private final ByteBuffer scratch;
    private final HandlerFailures failures = new HandlerFailures();
    /** Built once: a drain must allocate nothing. */
    private final String description;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    /** A reader that only counts lost samples. */
    PerfBufferReader(String name, PerfBufferMemory memory, Codec<T> codec) {
        this(name, memory, codec, LostHandler.IGNORE);
    }

    /**
     * @param name the map's name, for messages
     * @param memory the per-CPU rings; this reader closes them
     * @param codec decodes samples for the typed path
     * @param onLost told about samples the kernel dropped
     */
    PerfBufferReader(String name, PerfBufferMemory memory, Codec<T> codec, LostHandler onLost) {
        this.name = Objects.requireNonNull(name, "name");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.onLost = Objects.requireNonNull(onLost, "onLost");
        this.description = "perf buffer '" + name + "'";
        this.rings = new PerfRing[memory.cpuCount()];
        int largest = 0;
        for (int cpu = 0; cpu < rings.length; cpu++) {
            rings[cpu] = new PerfRing(name, cpu, memory.metadata(cpu), memory.data(cpu));
            largest = Math.max(largest, rings[cpu].size());
        }
        this.scratch = ByteBuffer.allocate(Math.min(largest, MAX_RECORD_SIZE)).order(ByteOrder.nativeOrder());
    }

    /** The perf event array map's name. */
    public String name() {
        return name;
    }

    /**
     * The rings' memory, where the kernel signals new samples on any CPU, for pollers that wait on
     * several channels at once ({@link io.bpf4j.events.EventPoller}); waiting on it never touches
     * the rings' memory.
     */
    PerfBufferMemory memory() {
        return memory;
    }

    /** How many per-CPU rings the buffer has. */
    public int cpuCount() {
        return rings.length;
    }

    /** Samples the kernel dropped on {@code cpu} because its ring was full, as reported so far. */
    public long lostSamples(int cpu) {
        return rings[Objects.checkIndex(cpu, rings.length)].lost();
    }

    /** Samples the kernel dropped on every CPU, as reported so far. */
    public long lostSamples() {
        long total = 0;
        for (PerfRing ring : rings) {
            total += ring.lost();
        }
        return total;
    }

    /**
     * Delivers every available sample as a typed value; when none is available, waits up to
     * {@code timeout} for the producer first.
     *
     * @return the number of samples delivered
     * @throws HandlerException when handlers threw (after every available record was delivered)
     */
    public int poll(Duration timeout, Consumer<? super T> handler) {
        return pollViews(timeout, typed(handler));
    }

    /**
     * The view path: delivers every available sample in place, allocating nothing; when none is
     * available, waits up to {@code timeout} for the producer first.
     *
     * @return the number of samples delivered
     * @throws HandlerException when handlers threw (after every available record was delivered)
     */
    public int pollViews(Duration timeout, RecordHandler handler) {
        int n = drainViews(handler);
        if (n > 0 || timeout.isZero() || closed) {
            return n;
        }
        memory.awaitData(Math.max(1, timeout.toMillis()));
        return drainViews(handler);
    }

    /** Delivers every available sample as a typed value without waiting. */
    public int drain(Consumer<? super T> handler) {
        return drainViews(typed(handler));
    }

    /**
     * Delivers every available sample of every CPU in place without waiting.
     *
     * @return the number of samples delivered
     * @throws HandlerException when handlers threw (after every available record was delivered)
     */
    public int drainViews(RecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        lock.lock();
        try {
            // beginRead fails once the backend closed the memory (say, with its object): the
            // mappings may be gone, and touching them would crash the JVM.
            if (closed || !memory.beginRead()) {
                return 0;
            }
            int delivered = 0;
            try {
                for (PerfRing ring : rings) {
                    delivered += ring.drain(handler, onLost, scratch, failures);
                }
            } finally {
                memory.endRead();
            }
            failures.throwIfAny(description, delivered);
            return delivered;
        } finally {
            lock.unlock();
        }
    }

    private RecordHandler typed(Consumer<? super T> handler) {
        Objects.requireNonNull(handler, "handler");
        return (data, offset, length) -> {
            if (length < codec.size()) {
                throw new IllegalStateException("perf buffer '" + name + "': a sample of " + length
                        + " bytes is shorter than its type (" + codec.size() + " bytes)");
            }
            handler.accept(codec.decode(data, offset));
        };
    }

    /** Releases the perf events and closes the rings' memory once a running drain has ended. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            memory.close(); // idempotent, and never waits for a drain
        }
    }

    @Override
    public String toString() {
        return "perf buffer '" + name + "' (" + rings.length + " CPUs" + (closed ? ", closed)" : ")");
    }
}
