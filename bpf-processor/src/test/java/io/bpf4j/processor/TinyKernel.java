package io.bpf4j.processor;

import io.bpf4j.BpfException;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.SpecException;
import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.ProgramHandle;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.trace.TracePipe;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a kernel to run generated skeletons in this module's tests: data sections as
 * buffers and maps as in-memory tables, sized from the object's spec. Programs never run. (The
 * project's real fake, with the kernel's semantics, is {@code FakeKernel} in bpf-test, which this
 * module cannot depend on.)
 */
final class TinyKernel implements KernelBackend {
    /** Records each ring buffer holds when it is first read, by map name. */
    private final Map<String, List<byte[]>> ringRecords;

    /** A kernel whose ring buffers are empty. */
    TinyKernel() {
        this(Map.of());
    }

    /** A kernel whose ring buffers hold {@code ringRecords} (by map name), committed before any read. */
    TinyKernel(Map<String, List<byte[]>> ringRecords) {
        this.ringRecords = Map.copyOf(ringRecords);
    }

    @Override
    public String name() {
        return "tiny test kernel";
    }

    @Override
    public OpenObject openObject(String objectName, byte[] elf) {
        try {
            return new Open(ObjectSpec.read(objectName, elf), ringRecords);
        } catch (SpecException e) {
            throw new BpfException("opening " + objectName, 0, e.getMessage(), e);
        }
    }

    @Override
    public TracePipe openTracePipe() {
        throw new UnsupportedOperationException("no trace pipe in the tiny kernel");
    }

    private static ByteBuffer zeroed(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    private static final class Open implements OpenObject {
        private final ObjectSpec spec;
        private final Map<String, List<byte[]>> ringRecords;
        private final Map<String, ByteBuffer> sections = new LinkedHashMap<>();

        Open(ObjectSpec spec, Map<String, List<byte[]>> ringRecords) {
            this.spec = spec;
            this.ringRecords = ringRecords;
            for (DataSectionSpec section : spec.dataSections()) {
                sections.put(section.name(), zeroed(section.size()));
            }
        }

        @Override
        public ByteBuffer initialData(String sectionName) {
            ByteBuffer section = sections.get(sectionName);
            if (section == null) {
                throw new BpfException("initial data of " + sectionName, 0, "no such section");
            }
            return section;
        }

        @Override
        public void setAutoload(String programName, boolean autoload) {}

        @Override
        public LoadedObject load() {
            return new Loaded(spec, sections, ringRecords);
        }

        @Override
        public void close() {}
    }

    private static final class Loaded implements LoadedObject {
        private final Map<String, ByteBuffer> sections = new HashMap<>();
        private final Map<String, MapHandle> maps = new HashMap<>();
        private final ObjectSpec spec;
        private final Map<String, List<byte[]>> ringRecords;

        Loaded(ObjectSpec spec, Map<String, ByteBuffer> initial, Map<String, List<byte[]>> ringRecords) {
            this.spec = spec;
            this.ringRecords = ringRecords;
            for (DataSectionSpec section : spec.dataSections()) {
                ByteBuffer memory = zeroed(section.size()).put(initial.get(section.name()).duplicate().clear());
                memory.clear();
                sections.put(section.name(),
                        section.readOnly() ? memory.asReadOnlyBuffer().order(ByteOrder.nativeOrder()) : memory);
            }
            for (MapSpec map : spec.maps()) {
                maps.put(map.name(), new Table(map));
            }
        }

        @Override
        public MapHandle map(String name) {
            return maps.get(name);
        }

        @Override
        public ProgramHandle program(String name) {
            throw new UnsupportedOperationException("programs do not run in the tiny kernel");
        }

        @Override
        public ByteBuffer data(String sectionName) {
            return sections.get(sectionName);
        }

        @Override
        public LinkHandle attach(String programName) {
            throw new UnsupportedOperationException("programs do not run in the tiny kernel");
        }

        @Override
        public RingBufferMemory ringBuffer(String mapName) {
            MapSpec map = spec.map(mapName).orElseThrow();
            return new TinyRing(Math.toIntExact(map.maxEntries()), ringRecords.getOrDefault(mapName, List.of()));
        }

        @Override
        public void close() {}
    }

    /** A map as a table of byte strings; arrays start with every index present and zero. */
    private static final class Table implements MapHandle {
        private final MapSpec spec;
        private final Map<ByteBuffer, byte[]> entries = new LinkedHashMap<>();

        Table(MapSpec spec) {
            this.spec = spec;
            if (spec.type() == MapType.ARRAY) {
                for (int i = 0; i < spec.maxEntries(); i++) {
                    entries.put(zeroed(4).putInt(0, i), new byte[spec.valueSize()]);
                }
            }
        }

        @Override
        public String name() {
            return spec.name();
        }

        @Override
        public MapType type() {
            return spec.type();
        }

        @Override
        public int keySize() {
            return spec.keySize();
        }

        @Override
        public int valueSize() {
            return spec.valueSize();
        }

        @Override
        public long maxEntries() {
            return spec.maxEntries();
        }

        @Override
        public boolean lookup(ByteBuffer key, ByteBuffer value) {
            byte[] found = entries.get(copy(key, spec.keySize()));
            if (found == null) {
                return false;
            }
            value.put(0, found);
            return true;
        }

        @Override
        public void update(ByteBuffer key, ByteBuffer value, long flags) {
            byte[] bytes = new byte[spec.valueSize()];
            value.get(0, bytes);
            entries.put(copy(key, spec.keySize()), bytes);
        }

        @Override
        public boolean delete(ByteBuffer key) {
            return entries.remove(copy(key, spec.keySize())) != null;
        }

        @Override
        public boolean nextKey(ByteBuffer key, ByteBuffer nextKey) {
            boolean found = key == null;
            ByteBuffer wanted = key == null ? null : copy(key, spec.keySize());
            for (ByteBuffer candidate : entries.keySet()) {
                if (found) {
                    nextKey.put(0, candidate, 0, spec.keySize());
                    return true;
                }
                found = candidate.equals(wanted);
            }
            return false;
        }

        private static ByteBuffer copy(ByteBuffer buffer, int size) {
            ByteBuffer copy = zeroed(size);
            copy.put(0, buffer, 0, size);
            return copy;
        }
    }
}
