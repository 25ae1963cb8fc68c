package io.bpf4j.spec;

import io.bpf4j.codec.Ranges;
import io.bpf4j.text.Printable;
import java.util.Objects;

/**
 * A BTF-defined map of an object (a variable in section {@code .maps}).
 *
 * @param name the variable's name
 * @param type the map type
 * @param keySize key size in bytes (0 for maps without keys, such as ring buffers)
 * @param valueSize value size in bytes (4 for map-in-map and program arrays, whose values are ids)
 * @param maxEntries maximum number of entries (for ring buffers: the size in bytes): the kernel's unsigned
 *     32-bit {@code max_entries}, 0 (set at load) to 4294967295
 * @param flags the {@code BPF_F_*} map flags
 * @param keyTypeId BTF type of the key, 0 when the map declares only a size or no key
 * @param valueTypeId BTF type of the value, 0 when the map declares only a size or no value
 */
public record MapSpec(String name, MapType type, int keySize, int valueSize, long maxEntries, int flags,
                      int keyTypeId, int valueTypeId) {
    /**
     * Checks the parts are present and the sizes in range.
     *
     * @throws IllegalArgumentException when a size is negative or {@code maxEntries} is not a u32
     */
    public MapSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (keySize < 0 || valueSize < 0) {
            throw new IllegalArgumentException("map '" + Printable.escape(name) + "': key and value sizes must not be"
                    + " negative, not " + keySize + "/" + valueSize);
        }
        Ranges.u32(maxEntries, "map '" + Printable.escape(name) + "' max_entries");
    }
}
