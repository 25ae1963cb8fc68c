package io.bpf4j.perfbuf;

import io.bpf4j.codec.Codec;
import io.bpf4j.events.BpfEventBuffer;
import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.PerfBufferAccess;
import io.bpf4j.spi.EventSource;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.PerfBufferMemory;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A perf event array map whose samples are {@code T}, handed out by its object
 * ({@link io.bpf4j.object.BpfObject#perfBuffer}). Open a {@link PerfBufferReader} to consume it:
 * that creates one perf event and ring per CPU and plugs them into the map; the object closes its
 * readers when it closes.
 *
 * @param <T> the record type
 */
public final class BpfPerfBuffer<T> extends BpfEventBuffer<T> {
    /** Pages per CPU ring when none are given: 256 KiB per CPU with 4 KiB pages, libbpf tools' usual size. */
    public static final int DEFAULT_PAGES_PER_CPU = 64;

    static {
        Bridge.register(PerfBufferAccess.class, new PerfBufferAccess() {
            @Override
            public <R> BpfPerfBuffer<R> perfBuffer(LoadedObject object, String name, Codec<R> codec,
                    Consumer<AutoCloseable> owner) {
                return new BpfPerfBuffer<>(object, name, codec, owner);
            }

            @Override
            public <R> PerfBufferReader<R> reader(String name, PerfBufferMemory memory, Codec<R> codec,
                    LostHandler onLost) {
                return new PerfBufferReader<>(name, memory, codec, onLost);
            }

            @Override
            public EventSource source(PerfBufferReader<?> reader) {
                return reader.memory();
            }
        });
    }

    private final LoadedObject object;

    private BpfPerfBuffer(LoadedObject object, String name, Codec<T> codec, Consumer<AutoCloseable> owner) {
        super(name, codec, owner);
        this.object = Objects.requireNonNull(object, "object");
    }

    /** A reader with {@link #DEFAULT_PAGES_PER_CPU} pages per CPU that only counts lost samples. */
    public PerfBufferReader<T> reader() {
        return reader(DEFAULT_PAGES_PER_CPU, LostHandler.IGNORE);
    }

    /**
     * Opens the per-CPU rings and returns a reader over them; close the reader (or the object)
     * to release them.
     *
     * @param pagesPerCpu the data pages of each CPU's ring: a power of two
     * @param onLost told about samples the kernel dropped
     */
    public PerfBufferReader<T> reader(int pagesPerCpu, LostHandler onLost) {
        Objects.requireNonNull(onLost, "onLost");
        return openReader(() -> object.perfBuffer(name(), pagesPerCpu),
                memory -> new PerfBufferReader<>(name(), memory, codec(), onLost));
    }
}
