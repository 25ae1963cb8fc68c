package io.bpf4j.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import io.bpf4j.BpfException;
import io.bpf4j.UnsupportedFeatureException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The maps libbpf makes of an object's data sections ({@code .rodata}, {@code .data}, {@code .bss},
 * {@code .rodata.*}, {@code .data.*}) and their memory.
 *
 * <p>libbpf names them after the object and the section, e.g. {@code my_objec.rodata}, or the
 * section alone (cut to 15 characters) for custom sections like {@code .data.counters}. It keeps
 * their contents in anonymous memory from open on; after a plain {@code bpf_object__load} (unlike
 * a skeleton load) that memory is a stale copy, so {@link #mapLive} replaces it in place with the
 * kernel map's own memory, as bpftool's skeletons do.
 */
final class DataSections {
    private static final int BPF_OBJ_NAME_LEN = 16;
    /** {@code BPF_F_RDONLY_PROG}: programs cannot write it; libbpf also freezes it, so user space cannot either. */
    private static final int BPF_F_RDONLY_PROG = 1 << 7;

    private DataSections() {}

    /**
     * The map of {@code section}.
     *
     * @throws BpfException naming the sections the object does have, when it has no such one
     */
    static Pointer find(Pointer object, String objectName, String section) {
        String truncated = sanitize(section.substring(0, Math.min(section.length(), BPF_OBJ_NAME_LEN - 1)));
        List<Pointer> maps = all(object);
        for (Pointer map : maps) {
            String name = LibBpf.bpf_map__name(map);
            if (name.equals(truncated) || name.endsWith(section)) {
                return map;
            }
        }
        List<String> names = new ArrayList<>();
        maps.forEach(map -> names.add(sectionOf(LibBpf.bpf_map__name(map))));
        throw new BpfException("finding data section '" + section + "' in object '" + objectName + "'", 0,
                names.isEmpty() ? "the object has no data sections" : "the object has only " + String.join(", ", names));
    }

    /** The data-section maps of {@code object}, in the object's order. */
    static List<Pointer> all(Pointer object) {
        List<Pointer> maps = new ArrayList<>();
        for (Pointer map = LibBpf.bpf_object__next_map(object, null); map != null;
                map = LibBpf.bpf_object__next_map(object, map)) {
            if (LibBpf.bpf_map__is_internal(map) != 0) {
                maps.add(map);
            }
        }
        return maps;
    }

    /** The section's memory as libbpf holds it, in native byte order; read-only for {@code .rodata} once loaded. */
    static ByteBuffer buffer(Pointer map, boolean loaded) {
        LongByReference size = new LongByReference();
        Pointer memory = LibBpf.bpf_map__initial_value(map, size);
        if (memory == null) {
            throw new BpfException("reading data section map '" + LibBpf.bpf_map__name(map) + "'", 0,
                    "libbpf holds no memory for it");
        }
        if (loaded && !mmapable(map)) {
            throw new BpfException("reading data section map '" + LibBpf.bpf_map__name(map) + "'", 0,
                    "it holds only static or hidden variables, which user space cannot see once loaded");
        }
        if (size.getValue() < 0 || size.getValue() > Integer.MAX_VALUE) {
            // A ByteBuffer holds at most 2^31 - 1 bytes; a larger one would wrap to a negative capacity.
            throw new UnsupportedFeatureException("reading data section map '" + LibBpf.bpf_map__name(map) + "'", 0,
                    "data sections larger than " + Integer.MAX_VALUE + " bytes: this one has "
                    + Long.toUnsignedString(size.getValue()));
        }
        ByteBuffer buffer = memory.getByteBuffer(0, size.getValue());
        if (loaded && readOnly(map)) {
            buffer = buffer.asReadOnlyBuffer();
        }
        return buffer.order(ByteOrder.nativeOrder());
    }

    /**
     * After load, maps each mmap-able data section's kernel memory over libbpf's copy (same
     * address, {@code MAP_FIXED}), so that {@link #buffer} is the live memory the programs use.
     * libbpf unmaps it when the object is closed.
     */
    static void mapLive(Pointer object, String objectName) {
        long pageSize = LibC.pageSize();
        for (Pointer map : all(object)) {
            if (!mmapable(map)) {
                continue; // only static or hidden variables: libbpf keeps no user-visible memory for it
            }
            Pointer memory = LibBpf.bpf_map__initial_value(map, new LongByReference());
            if (memory == null) {
                continue;
            }
            // The size libbpf mapped at open: value size rounded to 8 bytes per entry, whole pages.
            long length = (long) ((LibBpf.bpf_map__value_size(map) + 7) & ~7) * LibBpf.bpf_map__max_entries(map);
            length = (length + pageSize - 1) / pageSize * pageSize;
            int prot = readOnly(map) ? LibC.PROT_READ : LibC.PROT_READ | LibC.PROT_WRITE;
            long address = Pointer.nativeValue(memory);
            long mapped = LibC.mmap(address, length, prot, LibC.MAP_SHARED | LibC.MAP_FIXED, LibBpf.bpf_map__fd(map), 0);
            if (mapped == LibC.MAP_FAILED) {
                throw KernelErrors.failure("mapping data section map '" + LibBpf.bpf_map__name(map) + "' of object '"
                        + objectName + "'", Native.getLastError(), null);
            }
        }
    }

    private static boolean mmapable(Pointer map) {
        return (LibBpf.bpf_map__map_flags(map) & LibBpf.BPF_F_MMAPABLE) != 0;
    }

    private static boolean readOnly(Pointer map) {
        return (LibBpf.bpf_map__map_flags(map) & BPF_F_RDONLY_PROG) != 0;
    }

    /** The section a map name stands for: {@code my_objec.rodata} → {@code .rodata}. */
    private static String sectionOf(String mapName) {
        int dot = mapName.indexOf('.');
        return dot < 0 ? mapName : mapName.substring(dot);
    }

    /** libbpf replaces characters the kernel refuses in map names with {@code _}. */
    private static String sanitize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' ? c : '_');
        }
        return sb.toString();
    }
}
