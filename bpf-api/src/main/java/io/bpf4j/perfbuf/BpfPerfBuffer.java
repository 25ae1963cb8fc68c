package io.bpf4j.perfbuf;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.PerfBufferMemory;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A perf event array map whose samples are {@code T}. Open a {@link PerfBufferReader} to consume
 * it: that creates one perf event and ring per CPU and plugs them into the map.
 *
 * @param <T> the record type
 */
public final class BpfPerfBuffer<T> {
    /** Pages per CPU ring when none are given: 256 KiB per CPU with 4 KiB pages, libbpf tools' usual size. */
    public static final int DEFAULT_PAGES_PER_CPU = 64;

    private final LoadedObject object;
    private final String name;
    private final Codec<T> codec;
    private final Consumer<AutoCloseable> owner;

    /**
     * @param object the loaded object holding the map
     * @param name the map's name
     * @param codec the record codec
     * @param owner told about every reader opened, so the skeleton can close them before the object
     */
    public BpfPerfBuffer(LoadedObject object, String name, Codec<T> codec, Consumer<AutoCloseable> owner) {
        this.object = Objects.requireNonNull(object, "object");
        this.name = Objects.requireNonNull(name, "name");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** The map's name. */
    public String name() {
        return name;
    }

    /** The record size in bytes. */
    public int recordSize() {
        return codec.size();
    }

    /** A reader with {@link #DEFAULT_PAGES_PER_CPU} pages per CPU that only counts lost samples. */
    public PerfBufferReader<T> reader() {
        return reader(DEFAULT_PAGES_PER_CPU, LostHandler.IGNORE);
    }

    /**
     * Opens the per-CPU rings and returns a reader over them; close the reader (or the skeleton)
     * to release them.
     *
     * @param pagesPerCpu the data pages of each CPU's ring: a power of two
     * @param onLost told about samples the kernel dropped
     */
    public PerfBufferReader<T> reader(int pagesPerCpu, LostHandler onLost) {
        PerfBufferMemory memory = object.perfBuffer(name, pagesPerCpu);
        PerfBufferReader<T> reader;
        try {
            reader = new PerfBufferReader<>(name, memory, codec, onLost);
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
        owner.accept(reader);
        return reader;
    }
}
