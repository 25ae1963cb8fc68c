package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.btf.Btf;
import io.bpf4j.map.BpfArrayOfMaps;
import io.bpf4j.map.BpfCgroupArray;
import io.bpf4j.map.BpfProgArray;
import io.bpf4j.map.BpfStackTraceMap;
import io.bpf4j.map.StackTrace;
import io.bpf4j.object.BpfObject;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.MapType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code Maps}, the typed maps of a loaded skeleton: one accessor per map, in the
 * object's order, every map type covered. Maps with BTF keys and values get typed classes
 * ({@link KeyValueMapAccessors}), ring buffers and perf event arrays typed or raw events
 * ({@link EventMapAccessors}); program, map, cgroup and stack trace maps get their classes; any
 * other type (e.g. a user ring buffer, socket maps, storage maps) is handed out as the
 * {@link io.bpf4j.map.RawMap}, its Javadoc saying why. Accessors are made with the loaded
 * skeleton from its {@link io.bpf4j.object.BpfObject}, like its other parts.
 */
final class MapAccessorGenerator {
    /** The {@code BPF_F_*} map flags by bit, for the Javadoc. */
    private static final Map<Integer, String> FLAGS = flags();
    /** {@code BPF_F_STACK_BUILD_ID}: stack trace values are build ids and offsets, not addresses. */
    private static final int STACK_BUILD_ID = 1 << 5;

    private final KeyValueMapAccessors keyValue;
    private final EventMapAccessors events;
    private final String objectFile;
    private final String objectPath;

    /**
     * @param objectFile the object's file name, for Javadoc
     * @param objectPath the object's class-path name, for messages
     * @param warnings receives the warnings of maps generated with a default (see {@link EventMapAccessors})
     */
    MapAccessorGenerator(TypeMapper types, Btf btf, EventTypes events, String objectFile, String objectPath,
            List<String> warnings) {
        this.keyValue = new KeyValueMapAccessors(types, btf, objectPath);
        this.events = new EventMapAccessors(types, events, warnings);
        this.objectFile = objectFile;
        this.objectPath = objectPath;
    }

    /** How C names a map type: {@code BPF_MAP_TYPE_HASH}. */
    static String cName(MapType type) {
        return "BPF_MAP_TYPE_" + type.name();
    }

    /** {@code , max_entries 10240}; libbpf sets a 0 at load (one per CPU for a perf event array). */
    static String maxEntries(MapSpec map) {
        return map.maxEntries() == 0 ? ", max_entries set at load" : ", max_entries " + map.maxEntries();
    }

    /**
     * The {@code Maps} class, or empty when the object has no map.
     *
     * @throws GenerationException when a map's key, value or record type cannot be mapped
     */
    Optional<TypeSpec> generate(ClassName mapsClass, List<MapSpec> maps) throws GenerationException {
        if (maps.isEmpty()) {
            return Optional.empty();
        }
        ClassFileLimits.check(maps.size(), ClassFileLimits.MAX_MAPS, "maps", objectPath);
        TypeSpec.Builder type = TypeSpec.classBuilder(mapsClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(BpfObject.class, "object");
        JavaNames.Allocator names = new JavaNames.Allocator();
        for (MapSpec map : maps) {
            MapAccessor accessor = accessor(map);
            String name = names.allocate(JavaNames.memberName(map.name()), "_");
            type.addField(FieldSpec.builder(accessor.type(), name, Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addStatement("this.$N = $L", name, accessor.initializer());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(accessor.type())
                    .addJavadoc(accessor.javadoc())
                    .addStatement("return $N", name)
                    .build());
        }
        return Optional.of(type.addMethod(constructor.build())
                .addJavadoc("The maps of $L, typed from their BTF key and value types.\n", SourceText.code(objectFile))
                .build());
    }

    private MapAccessor accessor(MapSpec map) throws GenerationException {
        return switch (map.type()) {
            case HASH, LRU_HASH -> keyValue.hashMap(map);
            case ARRAY -> keyValue.arrayMap(map);
            case PERCPU_HASH, LRU_PERCPU_HASH -> keyValue.perCpuHashMap(map);
            case PERCPU_ARRAY -> keyValue.perCpuArray(map);
            case QUEUE, STACK -> keyValue.pushPop(map);
            case BLOOM_FILTER -> keyValue.bloomFilter(map);
            case LPM_TRIE -> keyValue.lpmTrie(map);
            case HASH_OF_MAPS -> keyValue.hashOfMaps(map);
            case RINGBUF -> events.ringBuffer(map);
            case PERF_EVENT_ARRAY -> events.perfEventArray(map);
            case PROG_ARRAY -> MapAccessor.ofObject(BpfProgArray.class, "progArray", map, slotsDoc(map,
                    "programs for {@code bpf_tail_call}"));
            case ARRAY_OF_MAPS -> MapAccessor.ofObject(BpfArrayOfMaps.class, "arrayOfMaps", map, slotsDoc(map,
                    "inner maps"));
            case CGROUP_ARRAY -> MapAccessor.ofObject(BpfCgroupArray.class, "cgroupArray", map, slotsDoc(map,
                    "cgroups, for {@code bpf_current_task_under_cgroup}"));
            case STACK_TRACE -> stackTraces(map);
            case USER_RINGBUF -> MapAccessor.raw(map, "records that user space writes for "
                    + "{@code bpf_user_ringbuf_drain}; bpf4j has no user ring buffer writer yet");
            default -> MapAccessor.raw(map, "bpf4j has no typed class for this map type");
        };
    }

    private static CodeBlock slotsDoc(MapSpec map, String holds) {
        return CodeBlock.of("Map $L: {@code $L}$L$L, slots holding $L.\n", MapAccessor.doc(map), cName(map.type()),
                maxEntries(map), flags(map), holds);
    }

    /**
     * A stack trace map of instruction pointers: {@link BpfStackTraceMap}. Build-id traces and
     * traces deeper than {@link StackTrace#MAX_DEPTH} are not what that class reads: raw.
     */
    private static MapAccessor stackTraces(MapSpec map) {
        if ((map.flags() & STACK_BUILD_ID) != 0) {
            return MapAccessor.raw(map, "its values are build ids and offsets ({@code BPF_F_STACK_BUILD_ID}), "
                    + "which bpf4j does not decode yet");
        }
        int valueSize = map.valueSize();
        if (valueSize != 0 && (valueSize % 8 != 0 || valueSize / 8 > StackTrace.MAX_DEPTH)) {
            return MapAccessor.raw(map, "its value of " + valueSize + " bytes is not 1 to " + StackTrace.MAX_DEPTH
                    + " 8-byte frames");
        }
        // A value size of 0 is set by user space before load (libbpf-tools size it to their depth
        // option); BpfStackTraceMap reads the depth from the loaded map.
        String depth = valueSize == 0 ? "a depth set at load" : "up to " + valueSize / 8 + " frames";
        return MapAccessor.ofObject(BpfStackTraceMap.class, "stackTraceMap", map,
                CodeBlock.of("Map $L: {@code $L}$L$L: "
                + "stack traces of $L, by the id\n{@code bpf_get_stackid} returned.\n", MapAccessor.doc(map),
                cName(map.type()), maxEntries(map), flags(map), depth));
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
