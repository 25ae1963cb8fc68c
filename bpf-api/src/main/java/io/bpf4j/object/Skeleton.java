package io.bpf4j.object;

import io.bpf4j.program.BpfLink;
import java.util.List;
import java.util.Objects;

/**
 * What every generated skeleton is: a typed wrapper over one loaded {@link BpfObject}, which owns
 * everything. Its maps, programs and data sections are the object's, looked up once by name and
 * typed from the object's BTF at compile time; {@link #close()} closes the object, with its
 * readers and links.
 */
public abstract class Skeleton implements AutoCloseable {
    private final BpfObject object;

    /** @param object the loaded object, owned from now on */
    protected Skeleton(BpfObject object) {
        this.object = Objects.requireNonNull(object, "object");
    }

    /** The loaded object underneath: its maps and programs by name, as the object layer hands them out. */
    public final BpfObject object() {
        return object;
    }

    /**
     * Attaches every loaded program whose section name says where ({@link BpfObject#attachAll()}).
     *
     * @return the links made, owned by the object
     */
    public final List<BpfLink> attach() {
        return object.attachAll();
    }

    /** Detaches every link made by {@link #attach()} ({@link BpfObject#detachAll()}). */
    public final void detach() {
        object.detachAll();
    }

    /** Closes the object: readers and links (newest first), then its maps and programs. Idempotent. */
    @Override
    public void close() {
        object.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + object + "]";
    }
}
