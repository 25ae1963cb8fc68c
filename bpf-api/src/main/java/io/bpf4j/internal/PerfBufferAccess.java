package io.bpf4j.internal;

import io.bpf4j.codec.Codec;
import io.bpf4j.perfbuf.BpfPerfBuffer;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.spi.EventSource;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.PerfBufferMemory;
import java.util.function.Consumer;

/** Not API: perf buffers and their readers over backend memory (registered by {@code BpfPerfBuffer}). */
public interface PerfBufferAccess {
    /** Perf event array {@code name} of {@code object}; {@code owner} is told about every reader opened. */
    <T> BpfPerfBuffer<T> perfBuffer(LoadedObject object, String name, Codec<T> codec, Consumer<AutoCloseable> owner);

    /** A reader over {@code memory}, which it closes. */
    <T> PerfBufferReader<T> reader(String name, PerfBufferMemory memory, Codec<T> codec, LostHandler onLost);

    /** Where the reader's producers signal, for a poller's wait set. */
    EventSource source(PerfBufferReader<?> reader);
}
