package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.btf.BtfType;
import io.bpf4j.map.BpfArrayMap;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.perfbuf.BpfPerfBuffer;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.MapType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code Maps}, the typed maps of a loaded skeleton: hash and LRU hash maps as
 * {@link BpfHashMap}, arrays as {@link BpfArrayMap}, ring buffers as {@link BpfRingBuffer} and
 * perf event arrays with a bound sample type as {@link BpfPerfBuffer}, typed by their BTF key and
 * value types (ring buffers and perf event arrays by {@link EventTypes}). Other map types get no
 * accessor yet; the class Javadoc lists them.
 */
final class MapAccessorGenerator {
    /** The {@code BPF_F_*} map flags by bit, for the Javadoc. */
    private static final Map<Integer, String> FLAGS = flags();

    private final TypeMapper types;
    private final EventTypes events;
    private final String objectFile;
    private final String objectPath;

    /**
     * @param objectFile the object's file name, for Javadoc
     * @param objectPath the object's class-path name, for messages
     */
    MapAccessorGenerator(TypeMapper types, EventTypes events, String objectFile, String objectPath) {
        this.types = types;
        this.events = events;
        this.objectFile = objectFile;
        this.objectPath = objectPath;
    }

    /** How C names a map type: {@code BPF_MAP_TYPE_HASH}. */
    static String cName(MapType type) {
        return "BPF_MAP_TYPE_" + type.name();
    }

    /**
     * The {@code Maps} class, or empty when the object has no map to type.
     *
     * @throws GenerationException when a map's key, value or record type cannot be mapped
     */
    Optional<TypeSpec> generate(ClassName mapsClass, List<MapSpec> maps) throws GenerationException {
        TypeSpec.Builder type = TypeSpec.classBuilder(mapsClass)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        JavaNames.Allocator names = new JavaNames.Allocator();
        // An accessor named like a LoadedSkeleton helper would hide it from the initializers.
        List.of("hashMap", "arrayMap", "ringBuffer", "perfBuffer").forEach(names::reserve);
        List<MapSpec> untyped = new ArrayList<>();
        for (MapSpec map : maps) {
            Optional<Accessor> accessor = accessor(map);
            if (accessor.isEmpty()) {
                untyped.add(map);
                continue;
            }
            String name = names.allocate(JavaNames.memberName(map.name()), "_");
            type.addField(FieldSpec.builder(accessor.get().type(), name, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer(accessor.get().initializer())
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(accessor.get().type())
                    .addJavadoc(accessor.get().javadoc())
                    .addStatement("return $N", name)
                    .build());
        }
        if (untyped.size() == maps.size()) {
            return Optional.empty();
        }
        return Optional.of(type.addJavadoc(classJavadoc(untyped)).build());
    }

    private CodeBlock classJavadoc(List<MapSpec> untyped) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("The maps of {@code $L}, typed from their BTF key and value types.\n", objectFile);
        if (!untyped.isEmpty()) {
            List<String> names = new ArrayList<>();
            untyped.forEach(map -> names.add("{@code " + map.name() + "} ({@code " + cName(map.type()) + "})"));
            doc.add("\n<p>Not typed yet, so not here:\n$L.\n", String.join(",\n", names));
        }
        return doc.build();
    }

    /** A typed accessor: its type, how the field is made, and its Javadoc. */
    private record Accessor(TypeName type, CodeBlock initializer, CodeBlock javadoc) {}

    private Optional<Accessor> accessor(MapSpec map) throws GenerationException {
        return switch (map.type()) {
            case HASH, LRU_HASH -> Optional.of(hashMap(map));
            case ARRAY -> Optional.of(arrayMap(map));
            case RINGBUF -> Optional.of(ringBuffer(map));
            case PERF_EVENT_ARRAY -> perfBuffer(map);
            default -> Optional.empty();
        };
    }

    private Accessor hashMap(MapSpec map) throws GenerationException {
        Part key = part(map, "key", map.keyTypeId(), map.keySize());
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfHashMap.class), key.boxed(), value.boxed());
        CodeBlock javadoc = CodeBlock.builder()
                .add("Map {@code $L}: {@code $L}, max_entries $L$L;\nkey {@code $L}, value {@code $L}.\n",
                        map.name(), cName(map.type()), map.maxEntries(), flags(map), key.cType(), value.cType())
                .add(key.note("Keys")).add(value.note("Values"))
                .build();
        return new Accessor(type, CodeBlock.of("hashMap($S, $L, $L)", map.name(), key.codec(), value.codec()), javadoc);
    }

    private Accessor arrayMap(MapSpec map) throws GenerationException {
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfArrayMap.class), value.boxed());
        CodeBlock javadoc = CodeBlock.builder()
                .add("Map {@code $L}: {@code $L} of {@code $L},\nindexes 0 to $L$L.\n",
                        map.name(), cName(map.type()), value.cType(), map.maxEntries() - 1, flags(map))
                .add(value.note("Values"))
                .build();
        return new Accessor(type, CodeBlock.of("arrayMap($S, $L)", map.name(), value.codec()), javadoc);
    }

    private Accessor ringBuffer(MapSpec map) throws GenerationException {
        BtfType.Composite struct = events.recordOf(map);
        JavaType record = types.map(struct.id(), "ring buffer '" + map.name() + "' records",
                JavaNames.typeName(map.name()) + "Event");
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfRingBuffer.class), record.typeName());
        CodeBlock javadoc = CodeBlock.of("Ring buffer {@code $L}: {@code $L} of $L bytes;\nrecords {@code $L} "
                        + "({@link $T}),\n$L.\n",
                map.name(), cName(map.type()), map.maxEntries(), types.c().typeName(struct.id()),
                record.typeName(), events.binding(map));
        return new Accessor(type, CodeBlock.of("ringBuffer($S, $T.CODEC)", map.name(), record.typeName()), javadoc);
    }

    /** A perf event array with typed samples, when a record type is bound (see {@link EventTypes}). */
    private Optional<Accessor> perfBuffer(MapSpec map) throws GenerationException {
        Optional<BtfType.Composite> samples = events.samplesOf(map);
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        BtfType.Composite struct = samples.get();
        JavaType record = types.map(struct.id(), "perf event array '" + map.name() + "' samples",
                JavaNames.typeName(map.name()) + "Event");
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfPerfBuffer.class), record.typeName());
        CodeBlock javadoc = CodeBlock.of("Perf event array {@code $L}: {@code $L}$L;\nsamples {@code $L} ({@link $T}),\n"
                        + "$L.\n", map.name(), cName(map.type()),
                map.maxEntries() == 0 ? "" : ", max_entries " + map.maxEntries(), types.c().typeName(struct.id()),
                record.typeName(), events.binding(map));
        return Optional.of(new Accessor(type, CodeBlock.of("perfBuffer($S, $T.CODEC)", map.name(), record.typeName()),
                javadoc));
    }

    /** A map key or value: its Java type and codec. */
    private record Part(JavaType type, String cType, CodeBlock codec) {
        TypeName boxed() {
            return type.typeName().box();
        }

        CodeBlock note(String what) {
            String note = type.note();
            return note == null ? CodeBlock.of("") : CodeBlock.of("$L: $L.\n", what, note);
        }
    }

    private Part part(MapSpec map, String role, int typeId, int size) throws GenerationException {
        String use = "map '" + map.name() + "' " + role;
        if (typeId == 0) {
            throw new GenerationException(objectPath + ": " + use + " has no BTF type, only a size (" + size
                    + " bytes), so it cannot be typed; declare the map with __type(" + role + ", …) "
                    + "instead of __uint(" + role + "_size, …)");
        }
        JavaType type = types.map(typeId, use, JavaNames.typeName(map.name()) + JavaNames.typeName(role));
        if (type.size() != size) {
            throw new GenerationException(objectPath + ": " + use + " is " + size + " bytes, but its BTF type "
                    + types.c().typeName(typeId) + " is " + type.size());
        }
        return new Part(type, types.c().typeName(typeId), InlineCodec.of(type));
    }

    /** {@code , map_flags BPF_F_NO_PREALLOC}, or nothing when there are none. */
    static String flags(MapSpec map) {
        if (map.flags() == 0) {
            return "";
        }
        List<String> names = new ArrayList<>();
        int unknown = map.flags();
        for (Map.Entry<Integer, String> flag : FLAGS.entrySet()) {
            if ((map.flags() & flag.getKey()) != 0) {
                names.add(flag.getValue());
                unknown &= ~flag.getKey();
            }
        }
        if (unknown != 0) {
            names.add("0x" + Integer.toHexString(unknown));
        }
        return ", map_flags {@code " + String.join(" | ", names) + "}";
    }

    private static Map<Integer, String> flags() {
        Map<Integer, String> flags = new LinkedHashMap<>();
        String[] names = {"NO_PREALLOC", "NO_COMMON_LRU", "NUMA_NODE", "RDONLY", "WRONLY", "STACK_BUILD_ID",
            "ZERO_SEED", "RDONLY_PROG", "WRONLY_PROG", "CLONE", "MMAPABLE", "PRESERVE_ELEMS", "INNER_MAP"};
        for (int bit = 0; bit < names.length; bit++) {
            flags.put(1 << bit, "BPF_F_" + names[bit]);
        }
        return flags;
    }
}
