package io.bpf4j.spec;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.text.Printable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the BTF-defined maps: each variable of data section {@code .maps} is a struct whose
 * members encode the map's attributes the way libbpf's {@code __uint}, {@code __type} and
 * {@code __array} macros write them.
 */
final class MapDefinitionReader {
    private static final String MAPS = ".maps";
    // Map-in-map and program array values are ids: 4 bytes.
    private static final int ID_SIZE = 4;

    private final Btf btf;
    private final String mapName;

    // The attributes found so far; sizes are -1 until declared.
    private MapType type = MapType.UNSPEC;
    private long maxEntries;
    private int flags;
    private long keySize = -1;
    private long valueSize = -1;
    private int keyTypeId;
    private int valueTypeId;
    private boolean hasValues;

    private MapDefinitionReader(Btf btf, String mapName) {
        this.btf = btf;
        this.mapName = mapName;
    }

    /** The maps of {@code btf}, in {@code .maps} offset order (its data section is already sorted). */
    static List<MapSpec> read(Btf btf) throws ObjectProblem {
        BtfType.DataSec maps = btf.dataSec(MAPS).orElse(null);
        if (maps == null) {
            return List.of();
        }
        List<MapSpec> specs = new ArrayList<>();
        // Maps declared with the same type share one definition; reading it once per type keeps
        // the work linear when a hostile object declares many maps of one struct with many members.
        Map<Integer, MapSpec> byDefinition = new HashMap<>();
        for (BtfType.VarSecInfo info : maps.vars()) {
            BtfType.Var variable = DataSecFixups.variable(btf, info, MAPS);
            MapSpec read = byDefinition.get(variable.typeId());
            if (read == null) {
                read = new MapDefinitionReader(btf, variable.name()).read(variable);
                byDefinition.put(variable.typeId(), read);
            }
            specs.add(new MapSpec(variable.name(), read.type(), read.keySize(), read.valueSize(), read.maxEntries(),
                    read.flags(), read.keyTypeId(), read.valueTypeId()));
        }
        return specs;
    }

    private MapSpec read(BtfType.Var variable) throws ObjectProblem {
        try {
            BtfType definition = btf.resolve(variable.typeId());
            if (!(definition instanceof BtfType.Composite struct) || struct.union()) {
                throw problem("its definition is " + definition.describe() + ", expected a struct");
            }
            for (BtfType.Member member : struct.members()) {
                readMember(member);
            }
            return toSpec();
        } catch (IllegalArgumentException e) {
            // Raised by Btf for types without a size or alignment, and by MapType for unknown types.
            throw new ObjectProblem("map '" + Printable.escape(mapName) + "': " + e.getMessage(), e);
        }
    }

    private void readMember(BtfType.Member member) throws ObjectProblem {
        switch (member.name()) {
            case "type" -> type = MapType.of(integer(member));
            case "max_entries" -> maxEntries = integer(member);
            case "map_flags" -> flags = integer(member);
            case "key_size" -> keySize = integer(member);
            case "value_size" -> valueSize = integer(member);
            case "numa_node", "pinning", "map_extra" -> integer(member); // checked; the loader applies them
            case "key" -> {
                keyTypeId = pointee(member);
                keySize = checkedSize("key", keySize, keyTypeId);
            }
            case "value" -> {
                valueTypeId = pointee(member);
                valueSize = checkedSize("value", valueSize, valueTypeId);
            }
            case "values" -> readValues(member);
            default -> throw problem("unknown field '" + Printable.escape(member.name()) + "'");
        }
    }

    /** {@code __uint(name, n)} is a pointer to an array of n ints: the length carries the value. */
    private int integer(BtfType.Member member) throws ObjectProblem {
        BtfType pointer = btf.resolve(member.typeId());
        if (!(pointer instanceof BtfType.Ptr ptr)
                || !(btf.resolve(ptr.targetId()) instanceof BtfType.Array array)) {
            throw problem("field '" + Printable.escape(member.name()) + "' is " + describe(pointer)
                    + ", expected a pointer to an array (__uint)");
        }
        return array.length();
    }

    /** {@code __type(name, T)} is a pointer to T. */
    private int pointee(BtfType.Member member) throws ObjectProblem {
        if (!(btf.resolve(member.typeId()) instanceof BtfType.Ptr ptr)) {
            throw problem("field '" + Printable.escape(member.name()) + "' is " + describe(btf.resolve(member.typeId()))
                    + ", expected a pointer (__type)");
        }
        return ptr.targetId();
    }

    /** The size of {@code typeId}, which must agree with a size declared by {@code name_size}. */
    private long checkedSize(String field, long declared, int typeId) throws ObjectProblem {
        long size = btf.sizeOf(typeId);
        if (declared >= 0 && declared != size) {
            throw problem(field + "_size " + declared + " conflicts with the " + field + " type's size "
                    + size);
        }
        return size;
    }

    /** {@code __array(values, T)}: initial inner maps or programs, an array of pointers. */
    private void readValues(BtfType.Member member) throws ObjectProblem {
        BtfType values = btf.resolve(member.typeId());
        if (!(values instanceof BtfType.Array array) || !(btf.resolve(array.elementTypeId()) instanceof BtfType.Ptr)) {
            throw problem("field 'values' is " + values.describe() + ", expected an array of pointers (__array)");
        }
        hasValues = true;
    }

    private MapSpec toSpec() throws ObjectProblem {
        if (hasValues) {
            if (type != MapType.ARRAY_OF_MAPS && type != MapType.HASH_OF_MAPS && type != MapType.PROG_ARRAY) {
                throw problem("field 'values' needs a map-in-map or program array type, not " + type);
            }
            if (valueSize >= 0 && valueSize != ID_SIZE) {
                throw problem("value_size " + valueSize + " conflicts with 'values', whose entries are "
                        + ID_SIZE + "-byte ids");
            }
            valueSize = ID_SIZE;
        }
        return new MapSpec(mapName, type, size("key", keySize), size("value", valueSize), maxEntries, flags,
                keyTypeId, valueTypeId);
    }

    private int size(String field, long size) throws ObjectProblem {
        if (size > Integer.MAX_VALUE) {
            throw problem(field + " size " + size + " is too large");
        }
        return (int) Math.max(size, 0);
    }

    /** Describes a type for messages, saying what a pointer points to. */
    private String describe(BtfType type) {
        return type instanceof BtfType.Ptr ptr ? "a pointer to " + btf.type(ptr.targetId()).describe() : type.describe();
    }

    private ObjectProblem problem(String message) {
        return new ObjectProblem("map '" + Printable.escape(mapName) + "': " + message);
    }
}
