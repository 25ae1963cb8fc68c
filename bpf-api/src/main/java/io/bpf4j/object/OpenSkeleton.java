package io.bpf4j.object;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Open phase of a generated skeleton: a typed wrapper over an {@link OpenBpfObject}, whose
 * data sections can still be set and programs switched off. {@link #load()} ends the phase;
 * {@link #close()} releases the object unloaded, and does nothing once it is loaded.
 *
 * @param <S> the skeleton {@link #load()} makes
 */
public abstract class OpenSkeleton<S extends Skeleton> implements AutoCloseable {
    private final OpenBpfObject object;

    /** @param object the object opened for the skeleton, owned from now on */
    protected OpenSkeleton(OpenBpfObject object) {
        this.object = Objects.requireNonNull(object, "object");
    }

    /** The object underneath: its data sections and programs by name. */
    public final OpenBpfObject object() {
        return object;
    }

    /**
     * Pins the maps declared {@code LIBBPF_PIN_BY_NAME} under {@code directory}
     * ({@link OpenBpfObject#pinRoot}).
     */
    public final void pinRoot(Path directory) {
        object.pinRoot(directory);
    }

    /**
     * Loads the object into the kernel and ends this Open phase.
     *
     * @throws io.bpf4j.VerifierException when the verifier rejects a program
     */
    public abstract S load();

    /**
     * Loads the object and wraps it in the skeleton {@code skeleton} makes; when making it fails,
     * the loaded object is closed again.
     */
    protected final S load(Function<BpfObject, S> skeleton) {
        BpfObject loaded = object.load();
        try {
            return skeleton.apply(loaded);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
    }

    /** Releases the object unless it was loaded; idempotent. */
    @Override
    public void close() {
        object.close();
    }
}
