package io.bpf4j.btf.value;

import io.bpf4j.btf.BtfType;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.VariableSpec;
import io.bpf4j.text.Printable;
import java.util.Objects;

/**
 * The {@link BtfCodec}s of what an object declares, by name: a map's key or value, a data
 * section's variable, a struct (such as the records of a ring buffer, which BTF gives no type).
 * Messages are escaped for a terminal ({@link Printable#escape}): names come from the object.
 */
public final class BtfCodecs {
    private BtfCodecs() {}

    /**
     * The codec of map {@code map}'s keys.
     *
     * @throws IllegalArgumentException when the object has no such map, or the map declares its
     *     key by size only
     * @throws UnsupportedTypeException when the key's type has no value layout
     */
    public static BtfCodec<BtfValue> mapKey(ObjectSpec spec, String map) {
        MapSpec found = map(spec, map);
        return codec(spec, found.keyTypeId(), "map '" + shown(map) + "' key");
    }

    /**
     * The codec of map {@code map}'s values.
     *
     * @throws IllegalArgumentException when the object has no such map, or the map declares its
     *     value by size only (or has none, as a ring buffer)
     * @throws UnsupportedTypeException when the value's type has no value layout
     */
    public static BtfCodec<BtfValue> mapValue(ObjectSpec spec, String map) {
        MapSpec found = map(spec, map);
        return codec(spec, found.valueTypeId(), "map '" + shown(map) + "' value");
    }

    /**
     * The codec of variable {@code variable} of data section {@code section} (such as
     * {@code .rodata}).
     *
     * @throws IllegalArgumentException when the object has no such section or variable
     * @throws UnsupportedTypeException when the variable's type has no value layout
     */
    public static BtfCodec<BtfValue> variable(ObjectSpec spec, String section, String variable) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(variable, "variable");
        DataSectionSpec data = spec.dataSection(Objects.requireNonNull(section, "section")).orElseThrow(() ->
                new IllegalArgumentException(Printable.escape("object '" + shown(spec.name())
                        + "' has no data section '" + shown(section) + "'")));
        VariableSpec found = data.variable(variable).orElseThrow(() ->
                new IllegalArgumentException(Printable.escape("data section '" + shown(section) + "' of object '"
                        + shown(spec.name()) + "' has no variable '" + shown(variable) + "'")));
        return codec(spec, found.typeId(), "variable '" + shown(variable) + "' in " + shown(section));
    }

    /**
     * The codec of the struct called {@code struct} (the first, when BTF has several), such as
     * the records a ring buffer or perf event array carries.
     *
     * @throws IllegalArgumentException when the object's BTF has no such struct
     * @throws UnsupportedTypeException when the struct has no value layout
     */
    public static BtfCodec<StructValue> struct(ObjectSpec spec, String struct) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(struct, "struct");
        BtfType.Composite found = spec.btf().findStruct(struct).orElseThrow(() ->
                new IllegalArgumentException(Printable.escape("the BTF of object '" + shown(spec.name())
                        + "' has no struct '" + shown(struct) + "'")));
        String use = "struct '" + shown(struct) + "'";
        return BtfCodec.of((ValueType.Composite) type(spec, found.id(), use), Printable.escape(use));
    }

    private static MapSpec map(ObjectSpec spec, String map) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(map, "map");
        return spec.map(map).orElseThrow(() -> new IllegalArgumentException(Printable.escape("object '"
                + shown(spec.name()) + "' has no map '" + shown(map) + "'")));
    }

    private static BtfCodec<BtfValue> codec(ObjectSpec spec, int typeId, String use) {
        if (typeId == 0) {
            throw new IllegalArgumentException(Printable.escape(use + " of object '" + shown(spec.name())
                    + "' has no BTF type (only a size, or none)"));
        }
        return BtfCodec.of(type(spec, typeId, use), Printable.escape(use));
    }

    /** The value type of {@code typeId}; a refusal says what it was for, escaped. */
    private static ValueType type(ObjectSpec spec, int typeId, String use) {
        ValueTypes types = new ValueTypes(spec.btf());
        try {
            return types.type(typeId);
        } catch (UnsupportedTypeException e) {
            throw new UnsupportedTypeException(Printable.escape(use + " (" + types.names().typeName(typeId) + "): "
                    + e.getMessage()));
        }
    }

    private static String shown(String name) {
        return CTypeNames.shown(name);
    }
}
