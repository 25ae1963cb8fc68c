package io.bpf4j.skeleton;

import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The Open phase of a generated skeleton: the object is parsed by the backend but not loaded, so
 * {@code .rodata} can still be set and programs switched off. {@code load()} ends the phase.
 *
 * <p>Thread-safe, and safe against {@link #close()} from another thread: a setter that loses the
 * race throws {@link IllegalStateException} naming the object and the operation. The memory the
 * setters write is the backend's copy of the initial values ({@link OpenObject#initialData}),
 * never memory that closing frees.
 */
public abstract class OpenSkeleton implements AutoCloseable {
    private final OpenObject object;
    private final Set<String> notLoaded = new LinkedHashSet<>();
    private volatile boolean done;

    /**
     * Opens the object in {@code backend}.
     *
     * @param backend the kernel to use
     * @param objectName the object's name (e.g. {@code "opensnoop"})
     * @param elf the object's bytes
     */
    protected OpenSkeleton(KernelBackend backend, String objectName, byte[] elf) {
        this.object = Objects.requireNonNull(backend, "backend").openObject(objectName, elf);
    }

    /** The writable initial contents of a data section; generated setters ask for it on every access. */
    protected final ByteBuffer initialData(String section) {
        checkOpen("accessing data section '" + section + "'");
        return object.initialData(section);
    }

    /** Switches loading of a program on or off. */
    protected final synchronized void autoload(String program, boolean load) {
        checkOpen("setting autoload of program '" + program + "'");
        object.setAutoload(program, load);
        if (load) {
            notLoaded.remove(program);
        } else {
            notLoaded.add(program);
        }
    }

    /** Programs switched off with {@link #autoload}. */
    protected final synchronized Set<String> notLoaded() {
        return Set.copyOf(notLoaded);
    }

    /**
     * Loads the object; afterwards this Open phase is over and closing it does nothing. When the load
     * fails, everything opened is released and the exception propagates.
     */
    protected final synchronized LoadedObject loadObject() {
        checkOpen("loading");
        try {
            LoadedObject loaded = object.load();
            done = true;
            return loaded;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void checkOpen(String operation) {
        if (done) {
            throw new IllegalStateException(operation + ": this Open phase has ended (load() or close() was called)");
        }
    }

    /** Releases the object unless it was loaded; idempotent. */
    @Override
    public synchronized void close() {
        if (!done) {
            done = true;
            object.close();
        }
    }
}
