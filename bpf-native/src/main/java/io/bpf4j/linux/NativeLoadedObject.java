package io.bpf4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.ProgramHandle;
import io.bpf4j.spi.RingBufferMemory;
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

    private final String name;
    private final Pointer object;
    private final Memory elf;
    private final int possibleCpus;
    private final Map<String, NativeMap> maps = new HashMap<>();
    private final Set<NativeLink> links = ConcurrentHashMap.newKeySet();
    private final Set<NativeRingBufferMemory> ringBuffers = ConcurrentHashMap.newKeySet();
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
        NativeMap handle = new NativeMap(this, mapName, LibBpf.bpf_map__type(map), LibBpf.bpf_map__fd(map),
                LibBpf.bpf_map__key_size(map), LibBpf.bpf_map__value_size(map), LibBpf.bpf_map__max_entries(map),
                possibleCpus);
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
        NativeLink handle = new NativeLink(link, program.describe(), links::remove);
        links.add(handle);
        return handle;
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
        List.copyOf(links).forEach(NativeLink::close);
        LibBpf.bpf_object__close(object);
        elf.close();
    }

    @Override
    public String toString() {
        return "object '" + name + "'" + (closed ? " (closed)" : "");
    }
}
