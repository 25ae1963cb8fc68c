package io.bpf4j.object;

import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.KernelAccess;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An object in the Open phase ({@link io.bpf4j.Kernel#open}): parsed by the kernel's loader but not
 * loaded, so its data sections' initial values can still be set ({@link #rodata()},
 * {@link #data(String)}), programs switched off or logged ({@link #program}) and the pin root chosen
 * ({@link #pinRoot}). {@link #load()} ends the phase and hands every resource to the
 * {@link BpfObject}; closing the Open phase afterwards does nothing, and a failed load releases
 * everything it opened.
 *
 * <p>Thread-safe, and safe against {@link #close()} from another thread: an operation that loses
 * the race, or comes after {@code load()}, throws {@link IllegalStateException} naming the object
 * and the operation. The memory the data setters write is a copy of the initial values, never
 * memory that closing frees.
 */
public final class OpenBpfObject implements AutoCloseable {
    static {
        Bridge.register(KernelAccess.class, BackendKernel::new);
    }

    private final OpenObject object;
    private final ObjectSpec spec;
    private final ObjectSource source;
    private final Map<String, OpenProgram> programs = new LinkedHashMap<>();
    private final Map<String, OpenDataSection> sections = new LinkedHashMap<>();
    private final Set<String> notLoaded = new HashSet<>();
    private boolean done;

    OpenBpfObject(OpenObject object, ObjectSpec spec, ObjectSource source) {
        this.object = Objects.requireNonNull(object, "object");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.source = Objects.requireNonNull(source, "source");
        for (ProgramSpec program : spec.programs()) {
            programs.putIfAbsent(program.name(), new OpenProgram(this, program));
        }
        for (DataSectionSpec section : spec.dataSections()) {
            if (!section.name().equals(BpfObject.KCONFIG)) {
                sections.put(section.name(), new OpenDataSection(section, spec.btf(), this));
            }
        }
    }

    /** The object's name, as the kernel knows it. */
    public String name() {
        return spec.name();
    }

    /** What the object declares: programs, maps, data sections and their variables, BTF. */
    public ObjectSpec spec() {
        return spec;
    }

    /** Where the object came from. */
    public ObjectSource source() {
        return source;
    }

    /**
     * The {@code .rodata} section: the programs' constants ({@code const volatile} globals), to set
     * before load.
     *
     * @throws IllegalArgumentException when the object has no {@code .rodata} with variables
     */
    public OpenDataSection rodata() {
        return data(BpfObject.RODATA);
    }

    /**
     * A data section's initial values: {@code .rodata}, {@code .data}, {@code .bss} or one of their
     * {@code .NAME} variants ({@code .kconfig} is filled in by the loader and has none to set).
     *
     * @throws IllegalArgumentException naming the section when the object has no such section
     */
    public OpenDataSection data(String section) {
        Objects.requireNonNull(section, "section");
        OpenDataSection found = sections.get(section);
        if (found == null) {
            throw new IllegalArgumentException("object '" + Printable.escape(name()) + "' has no data section '"
                    + Printable.escape(section) + "' with initial values to set; it has "
                    + (sections.isEmpty() ? "none" : Printable.escape(String.join(", ", sections.keySet()))));
        }
        return found;
    }

    /** Every data section with initial values, in object order. */
    public List<OpenDataSection> dataSections() {
        return List.copyOf(sections.values());
    }

    /**
     * Program {@code name}.
     *
     * @throws IllegalArgumentException naming it when the object has no such program
     */
    public OpenProgram program(String name) {
        Objects.requireNonNull(name, "name");
        OpenProgram found = programs.get(name);
        if (found == null) {
            throw new IllegalArgumentException("object '" + Printable.escape(name()) + "' has no program '"
                    + Printable.escape(name) + "'");
        }
        return found;
    }

    /** Every program, in object order. */
    public List<OpenProgram> programs() {
        return List.copyOf(programs.values());
    }

    /**
     * Pins the maps declared {@code __uint(pinning, LIBBPF_PIN_BY_NAME)} under {@code directory}
     * instead of {@code /sys/fs/bpf}. At load, each such map is taken from
     * {@code directory/<map name>} when a compatible map is pinned there (so two processes, or two
     * runs, share it), else created and pinned there. The directory must exist on a BPF file system.
     *
     * <p>Such pins outlive the object and the process — that is their point: delete the files when
     * the maps are no longer wanted (the maps go when the last pin and reference are gone).
     *
     * @param directory an absolute path on a BPF file system, e.g. {@code /sys/fs/bpf/myapp}
     * @return this Open phase
     * @throws IllegalArgumentException when {@code directory} is not absolute
     * @throws io.bpf4j.UnsupportedFeatureException when the kernel cannot pin
     */
    public synchronized OpenBpfObject pinRoot(Path directory) {
        Objects.requireNonNull(directory, "directory");
        checkOpen("setting the pin root");
        object.setPinRoot(directory.toString());
        return this;
    }

    /**
     * Loads every map and program into the kernel and ends this Open phase. When the load fails,
     * everything opened is released and the exception propagates.
     *
     * @throws io.bpf4j.VerifierException when the verifier rejects a program: its name, the log's
     *     last lines in the message, the whole log in {@code verifierLog()}
     */
    public synchronized BpfObject load() {
        checkOpen("loading");
        LoadedObject loaded;
        try {
            loaded = object.load();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        done = true;
        try {
            return new BpfObject(loaded, spec, notLoaded);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
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

    @Override
    public String toString() {
        return "OpenBpfObject[" + Printable.escape(name()) + ", " + source.origin() + "]";
    }

    synchronized void setAutoload(OpenProgram program, boolean load) {
        checkOpen("setting autoload of program '" + Printable.escape(program.name()) + "'");
        object.setAutoload(program.name(), load);
        if (load) {
            notLoaded.remove(program.name());
        } else {
            notLoaded.add(program.name());
        }
    }

    synchronized boolean autoloads(OpenProgram program) {
        return !notLoaded.contains(program.name());
    }

    synchronized void setLogLevel(OpenProgram program, int level) {
        checkOpen("setting the verifier log level of program '" + Printable.escape(program.name()) + "'");
        object.setLogLevel(program.name(), level);
    }

    /**
     * Runs {@code use} on the section's initial values under this object's lock, so a setter never
     * writes a copy that a concurrent load has already taken.
     */
    synchronized <T> T withInitialData(String section, Function<ByteBuffer, T> use) {
        checkOpen("accessing data section '" + Printable.escape(section) + "'");
        return use.apply(object.initialData(section));
    }

    /** {@link #withInitialData} of a write. */
    void writeInitialData(String section, Consumer<ByteBuffer> write) {
        withInitialData(section, buffer -> {
            write.accept(buffer);
            return null;
        });
    }

    private void checkOpen(String operation) {
        if (done) {
            throw new IllegalStateException(operation + " of object '" + Printable.escape(name())
                    + "': its Open phase has ended (load() or close() was called)");
        }
    }
}
