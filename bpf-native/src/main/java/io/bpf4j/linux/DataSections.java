package io.bpf4j.linux;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import io.bpf4j.BpfException;
import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The maps libbpf makes of an object's data sections ({@code .rodata}, {@code .data}, {@code .bss},
 * {@code .rodata.*}, {@code .data.*}, {@code .kconfig}).
 *
 * <p>libbpf names them after the object and the section, e.g. {@code my_objec.rodata}, or the
 * section alone (cut to 15 characters) for custom sections like {@code .data.counters}. It keeps
 * their initial contents in memory of its own from open until the object is closed; bpf4j never
 * hands that memory out (closing the object frees it under whoever holds it): before load, callers
 * get a Java copy that {@link #writeBack} gives to libbpf just before the load; after load, they
 * get this process's own mapping of the kernel map ({@link DataSectionMappings}).
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
        List<Pointer> maps = all(object);
        List<String> names = new ArrayList<>();
        maps.forEach(map -> names.add(LibBpf.bpf_map__name(map)));
        return maps.get(indexOf(names, objectName, section));
    }

    /**
     * Where {@code section} is in {@code mapNames} (the data-section maps' names).
     *
     * @throws BpfException naming the sections the object does have, when it has no such one
     */
    static int indexOf(List<String> mapNames, String objectName, String section) {
        String truncated = sanitize(section.substring(0, Math.min(section.length(), BPF_OBJ_NAME_LEN - 1)));
        for (int i = 0; i < mapNames.size(); i++) {
            String name = mapNames.get(i);
            if (name.equals(truncated) || name.endsWith(section)) {
                return i;
            }
        }
        List<String> sections = new ArrayList<>();
        mapNames.forEach(name -> sections.add(sectionOf(name)));
        throw new BpfException("finding data section '" + section + "' in object '" + objectName + "'", 0,
                sections.isEmpty() ? "the object has no data sections"
                        : "the object has only " + Printable.escape(String.join(", ", sections)));
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

    /** A Java copy of the section's initial contents as libbpf holds them, in native byte order. */
    static ByteBuffer initialCopy(Pointer map) {
        LongByReference size = new LongByReference();
        Pointer memory = LibBpf.bpf_map__initial_value(map, size);
        if (memory == null) {
            throw new BpfException("reading data section map '" + Printable.escape(LibBpf.bpf_map__name(map)) + "'",
                    0, "libbpf holds no memory for it");
        }
        byte[] copy = memory.getByteArray(0, checkedSize(LibBpf.bpf_map__name(map), size.getValue()));
        return ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder());
    }

    /**
     * {@code size}, the bytes of data section map {@code mapName}, when one buffer holds them.
     *
     * @throws UnsupportedFeatureException naming the map and its size, for a section larger than
     *     {@link Integer#MAX_VALUE} bytes (or a size that is negative as a signed long)
     */
    static int checkedSize(String mapName, long size) {
        if (size < 0 || size > Integer.MAX_VALUE) {
            // A ByteBuffer holds at most 2^31 - 1 bytes; a larger one would wrap to a negative capacity.
            throw new UnsupportedFeatureException("reading data section map '" + Printable.escape(mapName) + "'", 0,
                    "data sections larger than " + Integer.MAX_VALUE + " bytes: this one has "
                    + Long.toUnsignedString(size));
        }
        return (int) size;
    }

    /**
     * Gives libbpf the contents of {@code copy} (from {@link #initialCopy}) as the section's
     * initial value, for the load to write into the kernel map. {@code .kconfig} is skipped: libbpf
     * fills it at load from the running kernel's configuration and refuses to take it.
     */
    static void writeBack(Pointer map, ByteBuffer copy) {
        String mapName = LibBpf.bpf_map__name(map);
        if (mapName.endsWith(".kconfig")) {
            return;
        }
        int result = LibBpf.bpf_map__set_initial_value(map, copy.array(), copy.capacity());
        if (result < 0) {
            throw KernelErrors.libbpfFailure("setting the initial value of data section map '"
                    + Printable.escape(mapName) + "'", -result);
        }
    }

    /** Whether user space may map the section after load (it has variables user space can see). */
    static boolean mmapable(Pointer map) {
        return (LibBpf.bpf_map__map_flags(map) & LibBpf.BPF_F_MMAPABLE) != 0;
    }

    /** Whether the section is read-only after load ({@code .rodata*}, {@code .kconfig}). */
    static boolean readOnly(Pointer map) {
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
