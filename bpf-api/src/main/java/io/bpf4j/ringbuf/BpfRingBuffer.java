package io.bpf4j.ringbuf;

import io.bpf4j.codec.Codec;
import io.bpf4j.events.BpfEventBuffer;
import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.RingBufferAccess;
import io.bpf4j.spi.EventSource;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.RingBufferMemory;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A ring-buffer map whose records are {@code T}, handed out by its object
 * ({@link io.bpf4j.object.BpfObject#ringBuffer}). Open a {@link RingBufferReader} to consume it;
 * the object closes its readers when it closes.
 *
 * @param <T> the record type
 */
public final class BpfRingBuffer<T> extends BpfEventBuffer<T> {
    static {
        Bridge.register(RingBufferAccess.class, new RingBufferAccess() {
            @Override
            public <R> BpfRingBuffer<R> ringBuffer(LoadedObject object, String name, Codec<R> codec,
                    Consumer<AutoCloseable> owner) {
                return new BpfRingBuffer<>(object, name, codec, owner);
            }

            @Override
            public <R> RingBufferReader<R> reader(String name, RingBufferMemory memory, Codec<R> codec) {
                return new RingBufferReader<>(name, memory, codec);
            }

            @Override
            public EventSource source(RingBufferReader<?> reader) {
                return reader.memory();
            }
        });
    }

    private final LoadedObject object;

    private BpfRingBuffer(LoadedObject object, String name, Codec<T> codec, Consumer<AutoCloseable> owner) {
        super(name, codec, owner);
        this.object = Objects.requireNonNull(object, "object");
    }

    /** Maps the ring and returns a reader over it; close the reader (or the object) to unmap. */
    public RingBufferReader<T> reader() {
        return openReader(() -> object.ringBuffer(name()), memory -> new RingBufferReader<>(name(), memory, codec()));
    }
}
