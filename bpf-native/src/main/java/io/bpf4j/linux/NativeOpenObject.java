package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A libbpf {@code struct bpf_object} opened from memory ({@code bpf_object__open_mem}) and not yet
 * loaded. Its methods are serialised: libbpf objects are not thread-safe. Each refuses, with an
 * {@link IllegalStateException} naming the object and the operation, once the object was loaded
 * or closed.
 *
 * <p>{@link #initialData} hands out Java copies of the sections' initial values, never libbpf's
 * memory (which {@code bpf_object__close} frees under whoever still holds it); {@link #load()}
 * gives them back to libbpf just before loading.
 *
 * <p>On a successful {@link #load()} the object, its ELF bytes and every kernel resource pass to the
 * {@link NativeLoadedObject}; on a failed one they are released at once.
 */
final class NativeOpenObject implements OpenObject {
    /**
     * Per program: large enough for the verifier's explanation of almost any rejection; the kernel
     * keeps the log's end when it is longer, and the end is where the explanation is.
     */
    private static final int LOG_BUFFER_SIZE = 1 << 20;

    private final String name;
    /** libbpf reads the ELF image until the load ends, so it lives as long as the object. */
    private Memory elf;
    private Pointer object;
    private State state = State.OPEN;
    /** Programs whose successful load's verifier log the caller asked for. */
    private final Map<String, Integer> logLevels = new java.util.HashMap<>();
    /**
     * True while {@code bpf_object__load} runs: libbpf's log callback may reach code that closes
     * this object on this very thread, and freeing the object under libbpf would crash it.
     */
    private boolean loading;
    private boolean closedWhileLoading;
    /** The Java copies of data sections handed out, by libbpf map: written back at load. */
    private final Map<Pointer, ByteBuffer> initialData = new LinkedHashMap<>();

    private enum State {
        OPEN,
        /** Everything passed to the loaded object. */
        LOADED,
        /** The load failed and everything was released. */
        LOAD_FAILED,
        CLOSED
    }

    private NativeOpenObject(String name, Memory elf, Pointer object) {
        this.name = name;
        this.elf = elf;
        this.object = object;
    }

    /** Opens {@code elf} as an object named {@code name}. */
    static NativeOpenObject open(String name, byte[] elf) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elf, "elf");
        String operation = "opening object '" + name + "'";
        if (elf.length == 0) {
            throw new BpfException(operation, 0, "the ELF image is empty");
        }
        Memory image = new Memory(elf.length);
        image.write(0, elf, 0, elf.length);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        Pointer object;
        int errno;
        try (Memory objectName = new Memory(nameBytes.length + 1L)) {
            objectName.write(0, nameBytes, 0, nameBytes.length);
            objectName.setByte(nameBytes.length, (byte) 0);
            LibbpfLog.clearRecent();
            object = LibBpf.bpf_object__open_mem(image, elf.length, new LibBpf.BpfObjectOpenOpts(objectName));
            errno = Native.getLastError();
        }
        if (object == null) {
            image.close();
            throw KernelErrors.libbpfFailure(operation, errno);
        }
        return new NativeOpenObject(name, image, object);
    }

    @Override
    public synchronized ByteBuffer initialData(String sectionName) {
        ensureOpen("reading the initial data of section '" + sectionName + "'");
        ByteBuffer copy = initialData.computeIfAbsent(DataSections.find(object, name, sectionName),
                DataSections::initialCopy);
        return copy.duplicate().order(ByteOrder.nativeOrder());
    }

    /**
     * Points every map declared with {@code pinning} at {@code directory/<map name>}; libbpf
     * reuses or creates and pins it there at load.
     */
    @Override
    public synchronized void setPinRoot(String directory) {
        Objects.requireNonNull(directory, "directory");
        String operation = "setting the pin root of object '" + name + "' to " + directory;
        if (!directory.startsWith("/") || directory.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(operation + ": the directory must be an absolute path");
        }
        ensureOpen(operation);
        String root = directory.endsWith("/") && directory.length() > 1
                ? directory.substring(0, directory.length() - 1) : directory;
        for (Pointer map = LibBpf.bpf_object__next_map(object, null); map != null;
                map = LibBpf.bpf_object__next_map(object, map)) {
            if (LibBpf.bpf_map__pin_path(map) == null) {
                continue; // not declared with pinning: libbpf leaves it unpinned
            }
            int result = LibBpf.bpf_map__set_pin_path(map, root + "/" + LibBpf.bpf_map__name(map));
            if (result < 0) {
                throw KernelErrors.libbpfFailure(operation + " (map '" + Printable.escape(LibBpf.bpf_map__name(map))
                        + "')", -result);
            }
        }
    }

    @Override
    public synchronized void setAutoload(String programName, boolean autoload) {
        ensureOpen("setting autoload of program '" + programName + "'");
        Pointer program = LibBpf.bpf_object__find_program_by_name(object, programName);
        if (program == null) {
            throw new BpfException("setting autoload of program '" + programName + "'", 0,
                    "object '" + name + "' has no such program");
        }
        int result = LibBpf.bpf_program__set_autoload(program, autoload);
        if (result < 0) {
            throw new BpfException("setting autoload of program '" + programName + "'", -result, null);
        }
    }

    @Override
    public synchronized void setLogLevel(String programName, int level) {
        String operation = "setting the verifier log level of program '" + programName + "'";
        ensureOpen(operation);
        if (level < 0 || level > 2) {
            throw new IllegalArgumentException(operation + ": level must be 0, 1 or 2, not " + level);
        }
        Pointer program = LibBpf.bpf_object__find_program_by_name(object, programName);
        if (program == null) {
            throw new BpfException(operation, 0, "object '" + name + "' has no such program");
        }
        int result = LibBpfAttach.bpf_program__set_log_level(program, level);
        if (result < 0) {
            throw new BpfException(operation, -result, null);
        }
        logLevels.put(programName, level);
    }

    @Override
    public synchronized LoadedObject load() {
        ensureOpen("loading object '" + name + "'");
        try {
            initialData.forEach(DataSections::writeBack);
        } catch (RuntimeException e) {
            release(State.LOAD_FAILED);
            throw e;
        }
        Map<Pointer, Memory> logs = attachLogBuffers();
        Map<String, String> keptLogs = new LinkedHashMap<>();
        try {
            LibbpfLog.clearRecent();
            int result;
            loading = true;
            try {
                result = LibBpf.bpf_object__load(object);
            } finally {
                loading = false;
            }
            if (closedWhileLoading) {
                release(State.CLOSED);
                throw new IllegalStateException("loading object '" + name + "': it was closed during the load");
            }
            if (result < 0) {
                BpfException failure = explain(-result, logs);
                release(State.LOAD_FAILED);
                throw failure;
            }
            // With a log level set, libbpf loads with the log on from the start, so a success has one too.
            for (Map.Entry<Pointer, Memory> log : logs.entrySet()) {
                String program = LibBpf.bpf_program__name(log.getKey());
                if (logLevels.getOrDefault(program, 0) > 0) {
                    keptLogs.put(program, log.getValue().getString(0, StandardCharsets.UTF_8.name()));
                }
            }
        } finally {
            // libbpf writes a program's log only while loading it, and never loads a program twice.
            logs.values().forEach(Memory::close);
        }
        Pointer loadedObject = object;
        Memory image = elf;
        object = null;
        elf = null;
        state = State.LOADED;
        NativeLoadedObject loaded = NativeLoadedObject.adopt(name, loadedObject, image);
        loaded.keepVerifierLogs(keptLogs);
        return loaded;
    }

    /**
     * Gives every program to be loaded its own log buffer: libbpf loads without a log first and,
     * when the kernel refuses, loads again with log level 1 into this buffer, so a rejection always
     * comes with the verifier's reasons and a success costs no logging.
     */
    private Map<Pointer, Memory> attachLogBuffers() {
        Map<Pointer, Memory> logs = new LinkedHashMap<>();
        try {
            for (Pointer program : programs()) {
                if (LibBpf.bpf_program__autoload(program) == 0) {
                    continue;
                }
                Memory log = new Memory(LOG_BUFFER_SIZE);
                log.setByte(0, (byte) 0);
                logs.put(program, log);
                int result = LibBpf.bpf_program__set_log_buf(program, log, LOG_BUFFER_SIZE);
                if (result < 0) {
                    throw new BpfException("setting the verifier log of program '" + LibBpf.bpf_program__name(program)
                            + "'", -result, null);
                }
            }
        } catch (RuntimeException e) {
            logs.values().forEach(Memory::close);
            throw e;
        }
        return logs;
    }

    /**
     * Finds the program whose load failed. libbpf stops at the first failure and then unloads
     * every program, so fds cannot tell; the failed program is the one the verifier wrote a log for
     * or, failing that, the one libbpf's warnings name. When neither exists the failure was the
     * object's own (a map or BTF the kernel refused).
     */
    private BpfException explain(int errno, Map<Pointer, Memory> logs) {
        for (Map.Entry<Pointer, Memory> entry : logs.entrySet()) {
            String log = entry.getValue().getString(0, StandardCharsets.UTF_8.name());
            if (!log.isBlank()) {
                return explain(errno, entry.getKey(), log);
            }
        }
        String warnings = LibbpfLog.recentText();
        for (Pointer program : logs.keySet()) {
            if (warnings != null && warnings.contains("prog '" + LibBpf.bpf_program__name(program) + "'")) {
                return explain(errno, program, "");
            }
        }
        return LoadFailures.explain(name, errno, null, null, "");
    }

    private BpfException explain(int errno, Pointer program, String log) {
        return LoadFailures.explain(name, errno, LibBpf.bpf_program__name(program),
                LibBpf.bpf_program__section_name(program), log);
    }

    private List<Pointer> programs() {
        List<Pointer> programs = new ArrayList<>();
        for (Pointer p = LibBpf.bpf_object__next_program(object, null); p != null;
                p = LibBpf.bpf_object__next_program(object, p)) {
            programs.add(p);
        }
        return programs;
    }

    private void ensureOpen(String operation) {
        switch (state) {
            case OPEN:
                return;
            case LOADED:
                throw new IllegalStateException(operation + ": object '" + name
                        + "' is loaded (use the object load() returned)");
            case LOAD_FAILED:
                throw new IllegalStateException(operation + ": object '" + name + "' failed to load and was released");
            default:
                throw new IllegalStateException(operation + ": object '" + name + "' is closed");
        }
    }

    private void release(State next) {
        state = next;
        if (object != null) {
            LibBpf.bpf_object__close(object);
            object = null;
        }
        if (elf != null) {
            elf.close();
            elf = null;
        }
    }

    @Override
    public synchronized void close() {
        if (loading) {
            closedWhileLoading = true; // the load, on this thread, releases once libbpf has returned
            return;
        }
        if (state == State.OPEN) {
            release(State.CLOSED);
        }
    }
}
