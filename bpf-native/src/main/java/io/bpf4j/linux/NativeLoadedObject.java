package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.program.AttachTarget;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.PerfBufferMemory;
import io.bpf4j.spi.ProgramHandle;
import io.bpf4j.program.ProgramInfo;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.program.RunStatistics;
import io.bpf4j.program.TestRunRequest;
import io.bpf4j.program.TestRunResult;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * A loaded libbpf object: its maps, programs, links, data sections and ring/perf-buffer mappings.
 *
 * <p><b>Lifetime.</b> The object's fds (maps and programs, closed by {@code bpf_object__close})
 * are guarded by one {@link ResourceGuard}: every system call on them — map operations, test runs,
 * info, attach, link updates — runs inside a lease, so {@link #close()} releases the object only
 * after the last of them, and a call that loses the race throws {@link IllegalStateException}
 * naming the object and the operation. Calls into libbpf (which is not thread-safe) are also
 * serialised on this object; map operations, test runs and data-section reads are not.
 *
 * <p>{@link #close()} refuses new operations, closes ring and perf buffers, detaches links, revokes
 * the data sections (a buffer kept over them then reads the last contents, see
 * {@link DataSectionMappings}), waits for the operations in flight, and closes the libbpf object;
 * each once, whichever thread calls it and however often.
 */
final class NativeLoadedObject implements LoadedObject {
    private static final int BPF_MAP_TYPE_RINGBUF = 27;
    private static final int BPF_MAP_TYPE_PERF_EVENT_ARRAY = 4;

    private final String name;
    private final Pointer object;
    private final int possibleCpus;
    private final ResourceGuard fds;
    /** Every loaded program, read once: using one needs no libbpf call. */
    private final Map<String, NativeProgram> programs;
    /** Programs left unloaded (autoload off), for messages. */
    private final Set<String> notLoaded;
    private final DataSectionMappings sections;
    private final Map<String, NativeMap> maps = new HashMap<>();
    private final Set<NativeLink> links = ConcurrentHashMap.newKeySet();
    private final Map<String, String> verifierLogs = new ConcurrentHashMap<>();
    private final Set<NativeRingBufferMemory> ringBuffers = ConcurrentHashMap.newKeySet();
    private final Set<NativePerfBufferMemory> perfBuffers = ConcurrentHashMap.newKeySet();

    private NativeLoadedObject(String name, Pointer object, Memory elf, DataSectionMappings sections) {
        this.name = name;
        this.object = object;
        this.sections = sections;
        this.possibleCpus = LibBpf.libbpf_num_possible_cpus();
        this.fds = new ResourceGuard("object '" + name + "'", () -> {
            LibBpf.bpf_object__close(object);
            elf.close();
        });
        Map<String, NativeProgram> loaded = new LinkedHashMap<>();
        Set<String> skipped = new HashSet<>();
        for (Pointer p = LibBpf.bpf_object__next_program(object, null); p != null;
                p = LibBpf.bpf_object__next_program(object, p)) {
            int fd = LibBpf.bpf_program__fd(p);
            String programName = LibBpf.bpf_program__name(p);
            if (fd >= 0) {
                String section = LibBpf.bpf_program__section_name(p);
                loaded.put(programName, new NativeProgram(p, programName, section, fd, fds));
            } else {
                skipped.add(programName);
            }
        }
        this.programs = Map.copyOf(loaded);
        this.notLoaded = Set.copyOf(skipped);
    }

    /**
     * Takes ownership of {@code object}, just loaded, and of {@code elf}, its image, and maps its data
     * sections; on failure releases both.
     */
    static NativeLoadedObject adopt(String name, Pointer object, Memory elf) {
        DataSectionMappings sections;
        try {
            sections = DataSectionMappings.map(object, name);
        } catch (RuntimeException e) {
            LibBpf.bpf_object__close(object);
            elf.close();
            throw e;
        }
        return new NativeLoadedObject(name, object, elf, sections);
    }

    @Override
    public synchronized MapHandle map(String mapName) {
        return nativeMap(mapName);
    }

    private NativeMap nativeMap(String mapName) {
        ensureOpen("finding map '" + mapName + "'");
        NativeMap cached = maps.get(mapName);
        if (cached != null) {
            return cached;
        }
        Pointer map = LibBpf.bpf_object__find_map_by_name(object, mapName);
        if (map == null) {
            throw new BpfException("finding map '" + mapName + "'", 0,
                    "object '" + name + "' has only " + String.join(", ", mapNames()));
        }
        NativeMap handle = new NativeMap(fds, mapName, LibBpf.bpf_map__type(map), LibBpf.bpf_map__fd(map),
                LibBpf.bpf_map__key_size(map), LibBpf.bpf_map__value_size(map),
                Integer.toUnsignedLong(LibBpf.bpf_map__max_entries(map)), possibleCpus);
        maps.put(mapName, handle);
        return handle;
    }

    private List<String> mapNames() {
        List<String> names = new ArrayList<>();
        for (Pointer m = LibBpf.bpf_object__next_map(object, null); m != null;
                m = LibBpf.bpf_object__next_map(object, m)) {
            names.add(LibBpf.bpf_map__name(m));
        }
        return names;
    }

    @Override
    public ProgramHandle program(String programName) {
        return findProgram(programName, "finding program '" + programName + "'");
    }

    private NativeProgram findProgram(String programName, String operation) {
        ensureOpen(operation);
        NativeProgram program = programs.get(programName);
        if (program == null) {
            throw new BpfException("finding program '" + programName + "'", 0, notLoaded.contains(programName)
                    ? "it was not loaded (autoload was off)" : "object '" + name + "' has no such program");
        }
        return program;
    }

    /** Runs {@code action} with a program's fd leased: the fd stays the program's until it returns. */
    private void useProgramFd(String programName, String operation, IntConsumer action) {
        NativeProgram program = findProgram(programName, operation);
        fds.acquire(operation);
        try {
            action.accept(program.kernelFd());
        } finally {
            fds.release();
        }
    }

    /** No system call, no lock, no allocation but the duplicate: the buffers were mapped at load. */
    @Override
    public ByteBuffer data(String sectionName) {
        if (fds.isClosed()) {
            throw fds.closed("reading data section '" + sectionName + "'");
        }
        return sections.buffer(sectionName).duplicate().order(ByteOrder.nativeOrder());
    }

    @Override
    public synchronized LinkHandle attach(String programName) {
        String operation = "attaching program '" + programName + "'";
        NativeProgram program = findProgram(programName, operation);
        fds.acquire(operation);
        try {
            LibbpfLog.clearRecent();
            Pointer link = LibBpf.bpf_program__attach(program.pointer());
            if (link == null) {
                throw AttachFailures.explain(program, Native.getLastError());
            }
            return track(new LibbpfLinkAttachment(link), program.describe());
        } finally {
            fds.release();
        }
    }

    @Override
    public synchronized LinkHandle attach(String programName, AttachTarget target) {
        String operation = "attaching program '" + programName + "'";
        NativeProgram program = findProgram(programName, operation);
        Objects.requireNonNull(target, "target");
        fds.acquire(operation);
        try {
            Attachment attachment = Attachers.attach(program, target);
            return track(attachment, programName + " → " + Attachers.describe(target));
        } finally {
            fds.release();
        }
    }

    /**
     * Tracks a new link, so that the object's close detaches it. When the object was closed during
     * the attach (from a log callback on this thread), the link is detached at once instead.
     */
    private NativeLink track(Attachment attachment, String description) {
        NativeLink handle = new NativeLink(attachment, description, this::useProgramFd, links::remove);
        links.add(handle);
        if (fds.isClosed()) {
            handle.close();
            throw fds.closed("attaching " + description);
        }
        return handle;
    }

    @Override
    public TestRunResult testRun(String programName, TestRunRequest request) {
        String operation = "test-running program '" + programName + "'";
        NativeProgram program = findProgram(programName, operation);
        Objects.requireNonNull(request, "request");
        fds.acquire(operation);
        try {
            return NativeTestRun.run(program, request);
        } finally {
            fds.release();
        }
    }

    @Override
    public ProgramInfo programInfo(String programName) {
        String operation = "reading the info of program '" + programName + "'";
        NativeProgram program = findProgram(programName, operation);
        fds.acquire(operation);
        try {
            return NativeProgramInfo.read(program);
        } finally {
            fds.release();
        }
    }

    @Override
    public RunStatistics enableRunStatistics() {
        ensureOpen("enabling run statistics");
        return NativeRunStatistics.enable();
    }

    @Override
    public String verifierLog(String programName) {
        findProgram(programName, "reading the verifier log of program '" + programName + "'");
        return verifierLogs.getOrDefault(programName, "");
    }

    /** Keeps the verifier logs of programs loaded with a log level (see {@link NativeOpenObject#setLogLevel}). */
    void keepVerifierLogs(Map<String, String> logs) {
        verifierLogs.putAll(logs);
    }

    @Override
    public synchronized RingBufferMemory ringBuffer(String mapName) {
        String operation = "mapping ring buffer '" + mapName + "'";
        NativeMap map = nativeMap(mapName);
        if (map.typeId() != BPF_MAP_TYPE_RINGBUF) {
            throw new BpfException(operation, 0, "it is a " + map.type() + " map, not a ring buffer");
        }
        int size = RingBufferMemory.checkedSize(mapName, map.maxEntries());
        fds.acquire(operation);
        try {
            // The mappings and the epoll registration hold the ring in the kernel, not its fd.
            NativeRingBufferMemory memory = NativeRingBufferMemory.map(mapName, map.kernelFd(), size,
                    ringBuffers::remove);
            ringBuffers.add(memory);
            return memory;
        } finally {
            fds.release();
        }
    }

    @Override
    public synchronized PerfBufferMemory perfBuffer(String mapName, int pagesPerCpu) {
        String operation = "opening perf buffer '" + mapName + "'";
        NativeMap map = nativeMap(mapName);
        if (map.typeId() != BPF_MAP_TYPE_PERF_EVENT_ARRAY) {
            throw new BpfException(operation, 0, "it is a " + map.type() + " map, not a perf event array");
        }
        // libbpf sizes a perf event array without max_entries to the possible CPUs; a smaller one
        // serves only the CPUs it has slots for.
        int cpus = (int) Math.min(possibleCpus, map.maxEntries());
        PerfBufferMemory.checkedPagesPerCpu(mapName, pagesPerCpu, LibC.pageSize());
        // The buffer keeps this lease until its close has emptied the map's slots.
        fds.acquire(operation);
        try {
            NativePerfBufferMemory memory = NativePerfBufferMemory.open(mapName, map.kernelFd(), cpus, pagesPerCpu,
                    closed -> {
                        perfBuffers.remove(closed);
                        fds.release();
                    });
            perfBuffers.add(memory);
            return memory;
        } catch (RuntimeException e) {
            fds.release();
            throw e;
        }
    }

    private void ensureOpen(String operation) {
        if (fds.isClosed()) {
            throw fds.closed(operation);
        }
    }

    /**
     * Closes everything once. Waits for the operations in flight on other threads; when this thread
     * is itself inside a libbpf call of this object (a log callback closing it), it cannot wait for
     * itself, and the operation releases the object when it ends.
     */
    @Override
    public void close() {
        boolean reentrant = Thread.holdsLock(this);
        List<NativeRingBufferMemory> rings;
        List<NativePerfBufferMemory> perfs;
        List<NativeLink> attached;
        synchronized (this) {
            // The closer's own lease keeps the release until everything below has used the fds.
            boolean leased = fds.tryAcquire();
            if (!fds.close()) {
                if (leased) {
                    fds.release();
                }
                if (!reentrant) {
                    fds.awaitReleased(); // closed by another thread: return once it is done
                }
                return;
            }
            rings = List.copyOf(ringBuffers);
            perfs = List.copyOf(perfBuffers);
            attached = List.copyOf(links);
            try {
                rings.forEach(NativeRingBufferMemory::close);
                perfs.forEach(NativePerfBufferMemory::close);
                attached.forEach(NativeLink::close);
                // After the links: the programs have stopped, so the copy is the sections' final state.
                sections.revoke();
            } finally {
                fds.release();
            }
        }
        if (!reentrant) {
            fds.awaitReleased();
        }
    }

    @Override
    public String toString() {
        return "object '" + name + "'" + (fds.isClosed() ? " (closed)" : "");
    }
}
