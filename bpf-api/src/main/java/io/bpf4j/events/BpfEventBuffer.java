package io.bpf4j.events;

import io.bpf4j.codec.Codec;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a ring buffer ({@link io.bpf4j.ringbuf.BpfRingBuffer}) and a perf event array read as a perf
 * buffer ({@link io.bpf4j.perfbuf.BpfPerfBuffer}) share: a map that carries records of type
 * {@code T} from the programs to user space, whose readers belong to the object that handed the
 * map out and close with it.
 *
 * @param <T> the record type; {@code Void} for records read raw, through the readers' view path
 */
public abstract class BpfEventBuffer<T> {
    private final String name;
    private final Codec<T> codec;
    private final Consumer<AutoCloseable> owner;

    /**
     * @param name the map's name
     * @param codec the record codec
     * @param owner told about every reader opened, so the object closes it
     */
    protected BpfEventBuffer(String name, Codec<T> codec, Consumer<AutoCloseable> owner) {
        this.name = Objects.requireNonNull(name, "name");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** The map's name. */
    public final String name() {
        return name;
    }

    /** The record size in bytes: what the codec reads. */
    public final int recordSize() {
        return codec.size();
    }

    /** The record codec. */
    public final Codec<T> codec() {
        return codec;
    }

    /**
     * Opens the memory, makes a reader over it and hands the reader to the owner. A reader that
     * refuses the memory (or an owner already closed) leaves nothing mapped.
     *
     * @param memory opens the map's memory
     * @param reader makes the reader, which then owns the memory
     */
    protected final <M extends AutoCloseable, R extends AutoCloseable> R openReader(Supplier<M> memory,
            Function<M, R> reader) {
        M opened = memory.get();
        R made;
        try {
            made = reader.apply(opened);
        } catch (RuntimeException e) {
            close(opened, e);
            throw e;
        }
        owner.accept(made); // closes the reader itself when the owner is closed
        return made;
    }

    private static void close(AutoCloseable memory, RuntimeException failure) {
        try {
            memory.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + ", records of " + codec.size() + " bytes]";
    }
}
