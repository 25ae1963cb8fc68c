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
 * {@code .rodata} can still be set, programs switched off and the pin root chosen. {@code load()}
 * ends the phase.
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

    /**
     * Pins the maps declared {@code __uint(pinning, LIBBPF_PIN_BY_NAME)} under {@code directory}
     * instead of {@code /sys/fs/bpf}. At load, each such map is taken from
     * {@code directory/<map name>} when a compatible map is pinned there (so two processes, or two
     * runs, share it), else created and pinned there. The directory must exist on a BPF file system.
     *
     * <p>Such pins outlive the skeleton and the process — that is their point: delete the files when
     * the maps are no longer wanted (the maps go when the last pin and reference are gone).
     *
     * @param directory an absolute path on a BPF file system, e.g. {@code /sys/fs/bpf/myapp}
     * @throws IllegalArgumentException when {@code directory} is not absolute
     * @throws io.bpf4j.UnsupportedFeatureException when the backend cannot pin
     */
    public final synchronized void pinRoot(String directory) {
        checkOpen("setting the pin root");
        object.setPinRoot(Objects.requireNonNull(directory, "directory"));
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
