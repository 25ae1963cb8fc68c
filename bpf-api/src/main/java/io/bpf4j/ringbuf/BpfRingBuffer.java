package io.bpf4j.ringbuf;

import io.bpf4j.codec.Codec;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.RingBufferMemory;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A ring-buffer map whose records are {@code T}. Open a {@link RingBufferReader} to consume it.
 *
 * @param <T> the record type
 */
public final class BpfRingBuffer<T> {
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
    public BpfRingBuffer(LoadedObject object, String name, Codec<T> codec, Consumer<AutoCloseable> owner) {
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

    /** Maps the ring and returns a reader over it; close the reader (or the skeleton) to unmap. */
    public RingBufferReader<T> reader() {
        RingBufferMemory memory = object.ringBuffer(name);
        RingBufferReader<T> reader;
        try {
            reader = new RingBufferReader<>(name, memory, codec);
        } catch (RuntimeException e) {
            memory.close(); // a ring the reader refuses must not stay mapped
            throw e;
        }
        owner.accept(reader);
        return reader;
    }
}
