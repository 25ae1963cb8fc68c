package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.spi.AttachTarget;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.PerfBufferMemory;
import io.bpf4j.spi.ProgramHandle;
import io.bpf4j.spi.ProgramInfo;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.spi.RunStatistics;
import io.bpf4j.spi.TestRunRequest;
import io.bpf4j.spi.TestRunResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded libbpf object: its maps, programs, links and ring-buffer mappings. Calls into libbpf are
 * serialised on this object; map operations are not (they use the map fds directly) and only check
 * that the object is still open.
 *
 * <p>{@link #close()} closes ring-buffer mappings, then links, then the object (its maps and
 * programs), each once, whichever thread calls it and however often.
 */
final class NativeLoadedObject implements LoadedObject {
    private static final int BPF_MAP_TYPE_RINGBUF = 27;
    private static final int BPF_MAP_TYPE_PERF_EVENT_ARRAY = 4;

    private final String name;
    private final Pointer object;
    private final Memory elf;
    private final int possibleCpus;
    private final Map<String, NativeMap> maps = new HashMap<>();
    private final Set<NativeLink> links = ConcurrentHashMap.newKeySet();
    private final Map<String, String> verifierLogs = new ConcurrentHashMap<>();
    private final Set<NativeRingBufferMemory> ringBuffers = ConcurrentHashMap.newKeySet();
    private final Set<NativePerfBufferMemory> perfBuffers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Takes ownership of {@code object} and of {@code elf}, its image. */
    NativeLoadedObject(String name, Pointer object, Memory elf) {
        this.name = name;
        this.object = object;
        this.elf = elf;
        this.possibleCpus = LibBpf.libbpf_num_possible_cpus();
    }

    /** libbpf's {@code struct bpf_object}. */
    Pointer pointer() {
        return object;
    }

    @Override
    public synchronized MapHandle map(String mapName) {
        return nativeMap(mapName);
    }

    private NativeMap nativeMap(String mapName) {
        ensureOpen();
        NativeMap cached = maps.get(mapName);
        if (cached != null) {
            return cached;
        }
        Pointer map = LibBpf.bpf_object__find_map_by_name(object, mapName);
        if (map == null) {
            throw new BpfException("finding map '" + mapName + "'", 0,
                    "object '" + name + "' has only " + String.join(", ", mapNames()));
        }
        NativeMap handle = new NativeMap(this::ensureOpen, mapName, LibBpf.bpf_map__type(map),
                LibBpf.bpf_map__fd(map), LibBpf.bpf_map__key_size(map), LibBpf.bpf_map__value_size(map),
                Integer.toUnsignedLong(LibBpf.bpf_map__max_entries(map)), possibleCpus);
        maps.put(mapName, handle);
        return handle;
    }

    private List<String> mapNames() {
        List<String> names = new ArrayList<>();
        for (Pointer m = LibBpf.bpf_object__next_map(object, null); m != null; m = LibBpf.bpf_object__next_map(object, m)) {
            names.add(LibBpf.bpf_map__name(m));
        }
        return names;
    }

    @Override
    public synchronized ProgramHandle program(String programName) {
        return findProgram(programName);
    }

    private NativeProgram findProgram(String programName) {
        ensureOpen();
        Pointer program = LibBpf.bpf_object__find_program_by_name(object, programName);
        if (program == null) {
            throw new BpfException("finding program '" + programName + "'", 0, "object '" + name + "' has no such program");
        }
        int fd = LibBpf.bpf_program__fd(program);
        if (fd < 0) {
            throw new BpfException("finding program '" + programName + "'", 0,
                    "it was not loaded (autoload was off)");
        }
        return new NativeProgram(program, programName, LibBpf.bpf_program__section_name(program), fd);
    }

    @Override
    public synchronized ByteBuffer data(String sectionName) {
        ensureOpen();
        return DataSections.buffer(DataSections.find(object, name, sectionName), true);
    }

    @Override
    public synchronized LinkHandle attach(String programName) {
        NativeProgram program = findProgram(programName);
        LibbpfLog.clearRecent();
        Pointer link = LibBpf.bpf_program__attach(program.pointer());
        if (link == null) {
            throw AttachFailures.explain(program, Native.getLastError());
        }
        return track(new LibbpfLinkAttachment(link), program.describe());
    }

    @Override
    public synchronized LinkHandle attach(String programName, AttachTarget target) {
        NativeProgram program = findProgram(programName);
        Attachment attachment = Attachers.attach(program, java.util.Objects.requireNonNull(target, "target"));
        return track(attachment, programName + " → " + Attachers.describe(target));
    }

    private NativeLink track(Attachment attachment, String description) {
        NativeLink handle = new NativeLink(attachment, description, this::programFd, links::remove);
        links.add(handle);
        return handle;
    }

    private synchronized int programFd(String programName) {
        return findProgram(programName).fd();
    }

    @Override
    public synchronized TestRunResult testRun(String programName, TestRunRequest request) {
        return NativeTestRun.run(findProgram(programName), java.util.Objects.requireNonNull(request, "request"));
    }

    @Override
    public synchronized ProgramInfo programInfo(String programName) {
        return NativeProgramInfo.read(findProgram(programName));
    }

    @Override
    public RunStatistics enableRunStatistics() {
        ensureOpen();
        return NativeRunStatistics.enable();
    }

    @Override
    public synchronized String verifierLog(String programName) {
        findProgram(programName);
        return verifierLogs.getOrDefault(programName, "");
    }

    /** Keeps the verifier logs of programs loaded with a log level (see {@link NativeOpenObject#setLogLevel}). */
    void keepVerifierLogs(Map<String, String> logs) {
        verifierLogs.putAll(logs);
    }

    @Override
    public synchronized RingBufferMemory ringBuffer(String mapName) {
        NativeMap map = nativeMap(mapName);
        if (map.typeId() != BPF_MAP_TYPE_RINGBUF) {
            throw new BpfException("mapping ring buffer '" + mapName + "'", 0,
                    "it is a " + map.type() + " map, not a ring buffer");
        }
        NativeRingBufferMemory memory = NativeRingBufferMemory.map(mapName, map.fd(), map.maxEntries(), ringBuffers::remove);
        ringBuffers.add(memory);
        return memory;
    }

    @Override
    public synchronized PerfBufferMemory perfBuffer(String mapName, int pagesPerCpu) {
        NativeMap map = nativeMap(mapName);
        if (map.typeId() != BPF_MAP_TYPE_PERF_EVENT_ARRAY) {
            throw new BpfException("opening perf buffer '" + mapName + "'", 0,
                    "it is a " + map.type() + " map, not a perf event array");
        }
        // libbpf sizes a perf event array without max_entries to the possible CPUs; a smaller one
        // serves only the CPUs it has slots for.
        int cpus = (int) Math.min(possibleCpus, map.maxEntries());
        NativePerfBufferMemory memory = NativePerfBufferMemory.open(mapName, map.fd(), cpus, pagesPerCpu,
                perfBuffers::remove);
        perfBuffers.add(memory);
        return memory;
    }

    /** Map operations call this: using a closed object's fds could hit unrelated files. */
    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("object '" + name + "' is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List.copyOf(ringBuffers).forEach(NativeRingBufferMemory::close);
        List.copyOf(perfBuffers).forEach(NativePerfBufferMemory::close);
        List.copyOf(links).forEach(NativeLink::close);
        LibBpf.bpf_object__close(object);
        elf.close();
    }

    @Override
    public String toString() {
        return "object '" + name + "'" + (closed ? " (closed)" : "");
    }
}
