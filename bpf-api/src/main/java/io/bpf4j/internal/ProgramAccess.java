package io.bpf4j.internal;

import io.bpf4j.program.BpfProgram;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.LoadedObject;
import java.util.function.Consumer;

/** Not API: {@link BpfProgram}s of a loaded object (registered by {@code BpfProgram}). */
public interface ProgramAccess {
    /**
     * @param loaded false for a program switched off before load: it exists, but every kernel
     *     operation on it fails naming it
     * @param owner told about every link made, so the object detaches them when it closes
     */
    BpfProgram program(LoadedObject object, ProgramSpec spec, boolean loaded, Consumer<AutoCloseable> owner);
}
