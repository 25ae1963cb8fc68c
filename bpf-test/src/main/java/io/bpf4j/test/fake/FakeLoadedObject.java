package io.bpf4j.test.fake;

import io.bpf4j.map.RawMap;
import io.bpf4j.spi.Backends;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The kernel's side of an object loaded into a {@link FakeKernel} ({@link FakeKernel#object}):
 * where a test plays the programs' part. Its maps are the ones the application's object uses
 * (write an element here and the application reads it), ring and perf buffers take records from
 * here as from the programs, data sections are the memory the programs share.
 */
public final class FakeLoadedObject {
    private final FakeObject object;

    FakeLoadedObject(FakeObject object) {
        this.object = object;
    }

    /** The object's name. */
    public String name() {
        return object.name();
    }

    /** True once the application closed the object. */
    public boolean isClosed() {
        return object.isClosed();
    }

    /**
     * The pin root set in the Open phase ({@link io.bpf4j.object.OpenBpfObject#pinRoot}), if any.
     * The fake has no BPF file system: it records the directory and pins nothing.
     */
    public Optional<String> pinRoot() {
        return object.pinRoot();
    }

    /**
     * Map {@code mapName} as the programs see it: the same map the application's object has, as
     * bytes (type it with a typed map class, e.g. {@code new BpfHashMap<>(map, keyCodec, valueCodec)}).
     *
     * @throws io.bpf4j.BpfException naming it when the object has no such map
     * @throws IllegalStateException once the object is closed
     */
    public RawMap map(String mapName) {
        return Backends.objectMap(object.map(mapName));
    }

    /** The producer side of a ring-buffer map: push records here as the program would. */
    public FakeRingBuffer ring(String mapName) {
        return object.ring(mapName);
    }

    /** The producer side of a perf event array: output samples and lose some, per CPU, as the program would. */
    public FakePerfBuffer perf(String mapName) {
        return object.perf(mapName);
    }

    /**
     * The data section's shared memory, as the programs see it: a test may write {@code .bss} and
     * {@code .data} to simulate the programs; {@code .rodata} is read-only after load.
     *
     * @throws IllegalStateException once the object is closed
     */
    public ByteBuffer data(String sectionName) {
        return object.data(sectionName);
    }

    @Override
    public String toString() {
        return object.toString();
    }
}
