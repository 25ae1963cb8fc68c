package io.bpf4j.test.fake;

import io.bpf4j.BpfException;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An object opened in the fake kernel: its data sections hold the ELF's initial values until load.
 * As on the native backend, {@link #initialData} is a copy the load takes over: a buffer kept
 * after load or close no longer reaches the object, and every method throws
 * {@link IllegalStateException} naming the operation once the object was loaded or closed.
 */
final class FakeOpenObject implements OpenObject {
    private final FakeBackend kernel;
    private final ObjectSpec spec;
    private final Map<String, DataSection> sections = new LinkedHashMap<>();
    private final Set<String> notLoaded = new HashSet<>();
    private String pinRoot;
    private boolean done;

    FakeOpenObject(FakeBackend kernel, ObjectSpec spec, ElfFile elf) {
        this.kernel = kernel;
        this.spec = spec;
        for (DataSectionSpec section : spec.dataSections()) {
            ByteBuffer initial = elf.section(section.name())
                    .filter(s -> !s.isNoBits())
                    .map(elf::contents)
                    .orElse(null);
            sections.put(section.name(), new DataSection(section.name(), section.size(), section.readOnly(), initial));
        }
        kernel.resources().opened(this, "open (not loaded) object '" + spec.name() + "'");
    }

    @Override
    public synchronized ByteBuffer initialData(String sectionName) {
        checkOpen("reading the initial data of section '" + sectionName + "'");
        DataSection section = sections.get(sectionName);
        if (section == null) {
            throw new BpfException("finding data section '" + sectionName + "'", 0,
                    "object '" + spec.name() + "' has only " + String.join(", ", sections.keySet()));
        }
        return section.initialData();
    }

    @Override
    public synchronized void setAutoload(String programName, boolean autoload) {
        checkOpen("setting autoload of program '" + programName + "'");
        if (spec.program(programName).isEmpty()) {
            throw new BpfException("setting autoload of program '" + programName + "'", 0,
                    "object '" + spec.name() + "' has no such program");
        }
        if (autoload) {
            notLoaded.remove(programName);
        } else {
            notLoaded.add(programName);
        }
    }

    /** Checks the program and level; the fake has no verifier to log, so the level changes nothing. */
    @Override
    public synchronized void setLogLevel(String programName, int level) {
        String operation = "setting the verifier log level of program '" + programName + "'";
        checkOpen(operation);
        if (level < 0 || level > 2) {
            throw new IllegalArgumentException(operation + ": level must be 0, 1 or 2, not " + level);
        }
        if (spec.program(programName).isEmpty()) {
            throw new BpfException(operation, 0, "object '" + spec.name() + "' has no such program");
        }
    }

    /**
     * Records the directory, which {@link FakeLoadedObject#pinRoot()} reports after load: the fake
     * has no BPF file system, so no map is pinned (nor shared through a pin).
     */
    @Override
    public synchronized void setPinRoot(String directory) {
        java.util.Objects.requireNonNull(directory, "directory");
        String operation = "setting the pin root of object '" + spec.name() + "' to " + directory;
        if (!directory.startsWith("/")) {
            throw new IllegalArgumentException(operation + ": the directory must be an absolute path");
        }
        checkOpen(operation);
        pinRoot = directory;
    }

    @Override
    public synchronized LoadedObject load() {
        checkOpen("loading object '" + spec.name() + "'");
        kernel.faults().check(FaultPoint.LOAD_OBJECT, spec.name(), "loading object '" + spec.name() + "'");
        for (ProgramSpec program : spec.programs()) {
            if (!notLoaded.contains(program.name())) {
                kernel.verify(program.name());
            }
        }
        done = true;
        kernel.resources().closed(this);
        sections.values().forEach(DataSection::load);
        return new FakeObject(kernel, spec, sections, notLoaded, pinRoot);
    }

    private void checkOpen(String operation) {
        if (done) {
            throw new IllegalStateException(operation + ": object '" + spec.name() + "' was loaded or closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!done) {
            done = true;
            kernel.resources().closed(this);
        }
    }
}
