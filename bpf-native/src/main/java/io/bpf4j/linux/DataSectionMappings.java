package io.bpf4j.linux;

import com.sun.jna.Pointer;
import io.bpf4j.BpfException;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data sections of a loaded object as this process maps them: each mmap-able section's kernel
 * map mapped once at load ({@code MAP_SHARED}, read-only for {@code .rodata*} and {@code .kconfig}),
 * and one buffer over it kept for every later access, so reading a variable costs no native call.
 *
 * <p>{@link #revoke()} (at close) replaces every mapping with a private copy of its last contents
 * ({@link SharedMapping}): a buffer kept after close, or an access racing the close, reads the
 * last values and writes memory of this process only — never freed memory, never the kernel map.
 * A copy rather than zeros: sections are small, and the value a reader sees is then one the
 * section really held.
 */
final class DataSectionMappings {
    private final String objectName;
    /** libbpf's names of the data-section maps, in the object's order. */
    private final List<String> mapNames;
    /** Per map, in the same order: the section's buffer, or null for a section user space cannot see. */
    private final List<ByteBuffer> buffers;
    private final List<SharedMapping> mappings;
    /** Sections asked for so far, by the name asked: one hash lookup per access. */
    private final Map<String, ByteBuffer> bySection = new ConcurrentHashMap<>();

    private DataSectionMappings(String objectName, List<String> mapNames, List<ByteBuffer> buffers,
            List<SharedMapping> mappings) {
        this.objectName = objectName;
        this.mapNames = mapNames;
        this.buffers = buffers;
        this.mappings = mappings;
    }

    /**
     * Maps every mmap-able data section of the loaded {@code object}; on failure revokes what it
     * mapped.
     *
     * @throws io.bpf4j.UnsupportedFeatureException for a section larger than one buffer holds
     *     ({@link DataSections#checkedSize})
     */
    static DataSectionMappings map(Pointer object, String objectName) {
        List<String> names = new ArrayList<>();
        List<ByteBuffer> buffers = new ArrayList<>();
        List<SharedMapping> mappings = new ArrayList<>();
        long pageSize = LibC.pageSize();
        try {
            for (Pointer map : DataSections.all(object)) {
                String mapName = LibBpf.bpf_map__name(map);
                names.add(mapName);
                if (!DataSections.mmapable(map)) {
                    buffers.add(null); // only static or hidden variables: nothing user space may see
                    continue;
                }
                int valueSize = DataSections.checkedSize(mapName,
                        Integer.toUnsignedLong(LibBpf.bpf_map__value_size(map)));
                // The kernel maps whole pages of the array: value size rounded to 8 bytes per entry.
                long length = ((valueSize + 7L) & ~7L) * Integer.toUnsignedLong(LibBpf.bpf_map__max_entries(map));
                length = (length + pageSize - 1) / pageSize * pageSize;
                boolean readOnly = DataSections.readOnly(map);
                SharedMapping mapping = SharedMapping.map("data section map '" + Printable.escape(mapName)
                        + "' of object '" + objectName + "'", LibBpf.bpf_map__fd(map), 0, length,
                        readOnly ? LibC.PROT_READ : LibC.PROT_READ | LibC.PROT_WRITE);
                mappings.add(mapping);
                buffers.add(mapping.buffer(0, valueSize, readOnly));
            }
        } catch (RuntimeException e) {
            mappings.forEach(mapping -> mapping.revoke(false));
            throw e;
        }
        return new DataSectionMappings(objectName, List.copyOf(names), buffers, List.copyOf(mappings));
    }

    /**
     * The section's memory, shared with the programs; read-only for read-only sections. One buffer
     * per section: callers duplicate it before handing it out.
     *
     * @throws BpfException naming the sections the object has, or saying the section has no
     *     variables user space can see
     */
    ByteBuffer buffer(String section) {
        ByteBuffer buffer = bySection.get(section);
        if (buffer != null) {
            return buffer;
        }
        int index = DataSections.indexOf(mapNames, objectName, section);
        buffer = buffers.get(index);
        if (buffer == null) {
            throw new BpfException("reading data section map '" + Printable.escape(mapNames.get(index)) + "'", 0,
                    "it holds only static or hidden variables, which user space cannot see once loaded");
        }
        bySection.put(section, buffer);
        return buffer;
    }

    /** Stops sharing every section with its kernel map, keeping the last contents; idempotent. */
    void revoke() {
        mappings.forEach(mapping -> mapping.revoke(true));
    }
}
