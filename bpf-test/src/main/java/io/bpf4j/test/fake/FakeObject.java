package io.bpf4j.test.fake;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.program.ProgramInfo;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.PerfBufferMemory;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.text.Printable;
import io.bpf4j.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An object loaded into the fake kernel: the {@link LoadedObject} bpf-api drives, and the kernel's
 * side that tests reach through {@link FakeLoadedObject}: the maps ({@link #map}), the ring
 * buffers' producer side ({@link #ring}), the data sections' shared memory ({@link #data}), the
 * programs.
 *
 * <p>Lifetime as the native backend's: once {@link #close()} was called, every operation of the
 * object, its maps and its links throws {@link IllegalStateException} naming the object and the
 * operation, and buffers handed out before stay safe to use (the fake's memory is never freed
 * under them: a data section kept past close reads its last contents, as on the kernel). Unlike
 * the kernel's, the fake's fds are never reused, so an operation in flight during the close simply
 * completes on this object.
 */
final class FakeObject implements LoadedObject {
    // Attached through a perf event on the kernel's trace event, which takes each program once.
    private static final Set<ProgramKind> ONCE_PER_TRACE_EVENT = EnumSet.of(ProgramKind.TRACEPOINT,
            ProgramKind.KPROBE, ProgramKind.KRETPROBE, ProgramKind.UPROBE, ProgramKind.URETPROBE, ProgramKind.USDT);

    private final FakeBackend kernel;
    private final String name;
    private final Map<String, FakeMap> maps = new LinkedHashMap<>();
    private final Map<String, FakeRingBuffer> rings = new LinkedHashMap<>();
    private final Map<String, FakePerfBuffer> perfBuffers = new LinkedHashMap<>();
    private final Map<String, DataSection> sections;
    private final Map<String, FakeProgram> programs = new LinkedHashMap<>();
    private final List<FakeLink> links = new ArrayList<>();
    private final List<AutoCloseable> mappings = new ArrayList<>();
    private final String pinRoot;
    private volatile boolean closed;

    FakeObject(FakeBackend kernel, ObjectSpec spec, Map<String, DataSection> sections, Set<String> notLoaded,
            String pinRoot) {
        this.kernel = kernel;
        this.name = spec.name();
        this.pinRoot = pinRoot;
        this.sections = Map.copyOf(sections);
        for (MapSpec map : spec.maps()) {
            maps.put(map.name(), createMap(map));
        }
        for (DataSection section : sections.values()) {
            // libbpf names internal maps "<object prefix>.<section>" and also finds them by section name.
            FakeMap map = new FakeMap(section.name(), MapType.ARRAY, 4, section.size(), 1, kernel.possibleCpus(),
                    section, kernel, this, section.frozen());
            maps.put(section.name(), map);
            maps.put(internalMapName(section.name()), map);
        }
        for (ProgramSpec program : spec.programs()) {
            if (!notLoaded.contains(program.name())) {
                programs.put(program.name(), new FakeProgram(program, kernel.fds()));
            }
        }
        kernel.loaded(this);
    }

    private String internalMapName(String section) {
        return name.substring(0, Math.min(8, name.length())) + section;
    }

    private FakeMap createMap(MapSpec spec) {
        int cpus = kernel.possibleCpus();
        int bufferValueSize = FakeMap.valueBufferSize(spec.type(), spec.valueSize(), cpus);
        ElementStore store = switch (spec.type()) {
            case HASH, PERCPU_HASH, HASH_OF_MAPS -> new HashStore(spec.maxEntries(), false);
            case LRU_HASH, LRU_PERCPU_HASH -> new HashStore(spec.maxEntries(), true);
            case ARRAY, PERCPU_ARRAY -> new ArrayStore(slots(spec), bufferValueSize);
            case PROG_ARRAY, ARRAY_OF_MAPS -> new FdArrayStore(slots(spec));
            case QUEUE -> new QueueStore(spec.maxEntries(), false);
            case STACK -> new QueueStore(spec.maxEntries(), true);
            case LPM_TRIE -> new LpmTrieStore(spec.maxEntries(), spec.keySize());
            case BLOOM_FILTER -> new BloomFilterStore();
            case RINGBUF -> {
                rings.put(spec.name(), new FakeRingBuffer(spec.name(), spec.maxEntries()));
                yield new UnsupportedStore("ring buffer");
            }
            case PERF_EVENT_ARRAY -> {
                perfBuffers.put(spec.name(), new FakePerfBuffer(spec.name(), cpus));
                yield new UnsupportedStore("perf event array");
            }
            default -> new UnsupportedStore("FakeKernel does not model " + spec.type());
        };
        return new FakeMap(spec.name(), spec.type(), spec.keySize(), spec.valueSize(), spec.maxEntries(), cpus, store,
                kernel, this, false);
    }

    /** How many slots an array map has; the fake holds them in a Java array. */
    private static int slots(MapSpec spec) {
        if (spec.maxEntries() > MAX_ARRAY_SLOTS) {
            throw new UnsupportedFeatureException("creating map '" + Printable.escape(spec.name()) + "'", 0,
                    "FakeKernel models arrays of at most " + MAX_ARRAY_SLOTS + " entries, not " + spec.maxEntries());
        }
        return (int) spec.maxEntries();
    }

    /** The largest Java array the fake's array maps use (a JVM array holds a little less than 2^31). */
    private static final int MAX_ARRAY_SLOTS = Integer.MAX_VALUE - 8;

    /** The object's name. */
    public String name() {
        return name;
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * The pin root set in the Open phase ({@link io.bpf4j.object.OpenBpfObject#pinRoot}), if any. The
     * fake has no BPF file system: it records the directory and pins nothing.
     */
    public Optional<String> pinRoot() {
        return Optional.ofNullable(pinRoot);
    }

    @Override
    public FakeMap map(String mapName) {
        ensureOpen("finding map '" + mapName + "'");
        FakeMap map = maps.get(mapName);
        if (map == null) {
            throw new BpfException("finding map '" + mapName + "'", 0,
                    "object '" + name + "' has only " + String.join(", ", maps.keySet()));
        }
        return map;
    }

    /** The producer side of a ring-buffer map: push records here as the program would. */
    public FakeRingBuffer ring(String mapName) {
        FakeRingBuffer ring = rings.get(mapName);
        if (ring == null) {
            throw new BpfException("finding ring buffer '" + mapName + "'", 0,
                    "object '" + name + "' has only the ring buffers " + String.join(", ", rings.keySet()));
        }
        return ring;
    }

    /** The producer side of a perf event array: output samples and lose some, per CPU, as the program would. */
    public FakePerfBuffer perf(String mapName) {
        FakePerfBuffer perf = perfBuffers.get(mapName);
        if (perf == null) {
            throw new BpfException("finding perf event array '" + mapName + "'", 0,
                    "object '" + name + "' has only the perf event arrays " + String.join(", ", perfBuffers.keySet()));
        }
        return perf;
    }

    @Override
    public FakeProgram program(String programName) {
        ensureOpen("finding program '" + programName + "'");
        FakeProgram program = programs.get(programName);
        if (program == null) {
            throw new BpfException("finding program '" + programName + "'", 0,
                    "object '" + name + "' has no such loaded program (it is absent, or autoload was off)");
        }
        return program;
    }

    /**
     * The data section's shared memory, as the programs see it: a test may write {@code .bss} and
     * {@code .data} to simulate the programs; {@code .rodata} is read-only after load.
     */
    @Override
    public ByteBuffer data(String sectionName) {
        ensureOpen("reading data section '" + sectionName + "'");
        DataSection section = sections.get(sectionName);
        if (section == null) {
            throw new BpfException("finding data section '" + sectionName + "'", 0,
                    "object '" + name + "' has only " + String.join(", ", sections.keySet()));
        }
        return section.liveData();
    }

    @Override
    public synchronized LinkHandle attach(String programName) {
        FakeProgram program = program(programName);
        String operation = "attaching program '" + programName + "' (" + program.sectionName() + ")";
        checkAttach(program, program.kind(), operation);
        // libbpf attaches these kinds from the section name alone; the others need explicit targets.
        if (!program.kind().attachesBySectionName() || program.attachTarget().isEmpty()) {
            throw new BpfException(operation, Errno.EOPNOTSUPP,
                    "section '" + program.sectionName() + "' does not say where to attach");
        }
        return link(new Attachment(name, programName, program.kind(), program.attachTarget()), program.toString(),
                program.kind() == ProgramKind.ITER);
    }

    /** Records the attachment; the fake does not check that the program's kind suits the target. */
    @Override
    public synchronized LinkHandle attach(String programName, AttachTarget target) {
        FakeProgram program = program(programName);
        Attachment attachment = AttachPoints.of(name, program, target);
        String operation = "attaching program '" + programName + "' to " + target;
        checkAttach(program, attachment.kind(), operation);
        return link(attachment, programName + " → " + attachment.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " " + attachment.target(), AttachPoints.updatable(target));
    }

    private void checkAttach(FakeProgram program, ProgramKind kind, String operation) {
        kernel.faults().check(FaultPoint.ATTACH, program.name(), operation);
        Optional<String> missing = kernel.missingFeature(kind);
        if (missing.isPresent()) {
            throw new UnsupportedFeatureException(operation, Errno.EOPNOTSUPP, missing.get());
        }
    }

    private FakeLink link(Attachment attachment, String description, boolean updatable) {
        if (ONCE_PER_TRACE_EVENT.contains(attachment.kind()) && kernel.attachments().contains(attachment)) {
            throw new BpfException("attaching program '" + attachment.programName() + "' to " + attachment.kind()
                    + " " + attachment.target(), Errno.EEXIST, "the program is attached there already");
        }
        FakeLink.Updater updater = updatable ? this::updated : (link, programName) -> {
            throw new BpfException("updating link " + link.description() + " to program '" + programName + "'",
                    Errno.EINVAL, "the kernel cannot swap the program of this kind of attachment");
        };
        FakeLink link = new FakeLink(attachment, description, this::detached, updater);
        links.add(link);
        kernel.attached(link);
        return link;
    }

    /** BPF_LINK_UPDATE: the new program must be loaded and of the link's kind (else EINVAL). */
    private synchronized Attachment updated(FakeLink link, String programName) {
        FakeProgram program = program(programName);
        Attachment current = link.attachment();
        if (program.kind() != current.kind()) {
            throw new BpfException("updating link " + link.description() + " to program '" + programName + "'",
                    Errno.EINVAL, "the program is a " + program.kind() + " program, the link " + current.kind());
        }
        Attachment replaced = new Attachment(name, programName, current.kind(), current.target());
        kernel.replaced(current, replaced);
        return replaced;
    }

    private synchronized void detached(FakeLink link) {
        links.remove(link);
        kernel.detached(link);
    }

    /**
     * The program's id and name (truncated to the kernel's 15 characters); the fake's programs
     * never run, so their run statistics are 0, and their tag is all zeros.
     */
    @Override
    public ProgramInfo programInfo(String programName) {
        FakeProgram program = program(programName);
        String kernelName = programName.substring(0, Math.min(15, programName.length()));
        return new ProgramInfo(program.id(), "0000000000000000", kernelName, 0, 0);
    }

    /** The fake has no verifier, so a program's log is empty whatever level was asked for. */
    @Override
    public String verifierLog(String programName) {
        program(programName);
        return "";
    }

    @Override
    public synchronized RingBufferMemory ringBuffer(String mapName) {
        FakeMap map = map(mapName);
        String operation = "mapping ring buffer '" + mapName + "'";
        if (map.type() != MapType.RINGBUF) {
            throw new BpfException(operation, 0, "it is a " + map.type() + " map, not a ring buffer");
        }
        // Refused as the real backend refuses it: before anything is mapped.
        RingBufferMemory.checkedSize(mapName, map.maxEntries());
        kernel.faults().check(FaultPoint.RING_BUFFER_MAP, mapName, operation);
        FakeRingBufferMemory memory = new FakeRingBufferMemory(ring(mapName), this::unmapped);
        mappings.add(memory);
        kernel.resources().opened(memory, "reader of ring buffer '" + mapName + "' of object '" + name + "'");
        return memory;
    }

    @Override
    public synchronized PerfBufferMemory perfBuffer(String mapName, int pagesPerCpu) {
        FakeMap map = map(mapName);
        String operation = "opening perf buffer '" + mapName + "'";
        if (map.type() != MapType.PERF_EVENT_ARRAY) {
            throw new BpfException(operation, 0, "it is a " + map.type() + " map, not a perf event array");
        }
        PerfBufferMemory.checkedPagesPerCpu(mapName, pagesPerCpu, FakePerfBuffer.PAGE_SIZE);
        kernel.faults().check(FaultPoint.PERF_BUFFER_OPEN, mapName, operation);
        FakePerfBufferMemory memory = new FakePerfBufferMemory(perf(mapName), pagesPerCpu, this::unmapped);
        mappings.add(memory);
        kernel.resources().opened(memory, "reader of perf buffer '" + mapName + "' of object '" + name + "'");
        return memory;
    }

    private synchronized void unmapped(AutoCloseable memory) {
        mappings.remove(memory);
        kernel.resources().closed(memory);
    }

    private static void closeMapping(AutoCloseable mapping) {
        try {
            mapping.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + mapping, e);
        }
    }

    /** Throws, as the native backend does, naming the operation refused. */
    void ensureOpen(String operation) {
        if (closed) {
            throw new IllegalStateException(operation + ": object '" + name + "' is closed");
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> openMappings;
        List<FakeLink> openLinks;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            openMappings = List.copyOf(mappings);
            openLinks = List.copyOf(links);
        }
        openMappings.forEach(FakeObject::closeMapping);
        openLinks.forEach(FakeLink::close);
        maps.values().forEach(map -> kernel.fds().release(map.kernelFd()));
        programs.values().forEach(program -> kernel.fds().release(program.fd()));
        kernel.unloaded(this);
    }

    @Override
    public String toString() {
        return "object '" + name + "'" + (closed ? " (closed)" : "");
    }
}
