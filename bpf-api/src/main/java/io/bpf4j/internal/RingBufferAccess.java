package io.bpf4j.internal;

import io.bpf4j.codec.Codec;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spi.EventSource;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.RingBufferMemory;
import java.util.function.Consumer;

/** Not API: ring buffers and their readers over backend memory (registered by {@code BpfRingBuffer}). */
public interface RingBufferAccess {
    /** Ring buffer {@code name} of {@code object}; {@code owner} is told about every reader opened. */
    <T> BpfRingBuffer<T> ringBuffer(LoadedObject object, String name, Codec<T> codec, Consumer<AutoCloseable> owner);

    /** A reader over {@code memory}, which it closes. */
    <T> RingBufferReader<T> reader(String name, RingBufferMemory memory, Codec<T> codec);

    /** Where the reader's producer signals, for a poller's wait set. */
    EventSource source(RingBufferReader<?> reader);
}
