package io.bpf4j.linux;

import io.bpf4j.codec.Codec;
import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.ProgramAccess;
import io.bpf4j.internal.RingBufferAccess;
import io.bpf4j.map.RawMap;
import io.bpf4j.program.BpfProgram;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spec.SectionName;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import java.util.function.Consumer;

/**
 * The user-facing objects over this backend's handles, for the tests that drive the backend
 * directly and check what the typed API does with it (without opening the object a second time
 * through {@link io.bpf4j.Kernel}).
 */
final class ApiObjects {
    private ApiObjects() {}

    /** {@code handle} as the raw map the typed map classes take; its owner closes it. */
    static RawMap raw(MapHandle handle) {
        return Backends.objectMap(handle);
    }

    /** Ring buffer {@code name} of {@code loaded}; {@code owner} is told about every reader opened. */
    static <T> BpfRingBuffer<T> ringBuffer(LoadedObject loaded, String name, Codec<T> codec,
            Consumer<AutoCloseable> owner) {
        return Bridge.get(RingBufferAccess.class, BpfRingBuffer.class).ringBuffer(loaded, name, codec, owner);
    }

    /** Program {@code name} of {@code loaded}, from section {@code section}; its links are the caller's to close. */
    static BpfProgram program(LoadedObject loaded, String name, String section) {
        SectionName parsed = SectionName.parse(section);
        ProgramSpec spec = new ProgramSpec(name, section, 0, parsed.kind(), parsed.target());
        return Bridge.get(ProgramAccess.class, BpfProgram.class).program(loaded, spec, true, link -> { });
    }
}
