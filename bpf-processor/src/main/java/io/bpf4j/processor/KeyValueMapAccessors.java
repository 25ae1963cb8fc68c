package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.map.BpfArrayMap;
import io.bpf4j.map.BpfBloomFilter;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.BpfHashOfMaps;
import io.bpf4j.map.BpfLpmTrie;
import io.bpf4j.map.BpfPerCpuArrayMap;
import io.bpf4j.map.BpfPerCpuCounters;
import io.bpf4j.map.BpfPerCpuHashMap;
import io.bpf4j.map.BpfQueue;
import io.bpf4j.map.BpfStack;
import io.bpf4j.map.LpmKey;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.MapType;
import java.util.Optional;

/**
 * Accessors of the maps whose keys and values are typed from BTF: hash and LRU hash, array,
 * per-CPU hash and array (plus the counters view of a per-CPU {@code __u64} array), queue and stack,
 * bloom filter, LPM trie and hash of maps. A key or value without BTF type is an error, never
 * bytes.
 */
final class KeyValueMapAccessors {
    private final TypeMapper types;
    private final Btf btf;
    private final String objectPath;

    /** @param objectPath the object's class-path name, for messages */
    KeyValueMapAccessors(TypeMapper types, Btf btf, String objectPath) {
        this.types = types;
        this.btf = btf;
        this.objectPath = objectPath;
    }

    /** A hash or LRU hash map: {@link BpfHashMap}. */
    MapAccessor hashMap(MapSpec map) throws GenerationException {
        Part key = part(map, "key", map.keyTypeId(), map.keySize());
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfHashMap.class), key.boxed(), value.boxed());
        return new MapAccessor(type,
                CodeBlock.of("object.hashMap($L, $L, $L)", MapAccessor.literal(map), key.codec(), value.codec()),
                keyValueDoc(map, key, value));
    }

    /** An array: {@link BpfArrayMap}. */
    MapAccessor arrayMap(MapSpec map) throws GenerationException {
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfArrayMap.class), value.boxed());
        return new MapAccessor(type, CodeBlock.of("object.arrayMap($L, $L)", MapAccessor.literal(map), value.codec()),
                arrayDoc(map, value, ""));
    }

    /** A per-CPU or LRU per-CPU hash map: {@link BpfPerCpuHashMap}, each value a list of one per CPU. */
    MapAccessor perCpuHashMap(MapSpec map) throws GenerationException {
        Part key = part(map, "key", map.keyTypeId(), map.keySize());
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfPerCpuHashMap.class), key.boxed(), value.boxed());
        CodeBlock javadoc = keyValueDoc(map, key, value).toBuilder()
                .add("Each element holds one value per possible CPU, CPU 0 first; {@code sum} adds them up.\n")
                .build();
        return new MapAccessor(type, CodeBlock.of("object.perCpuHashMap($L, $L, $L)", MapAccessor.literal(map),
                key.codec(), value.codec()), javadoc);
    }

    /**
     * A per-CPU array: {@link BpfPerCpuArrayMap}; when its value is a plain {@code __u64}, the
     * usual per-CPU counters, {@link BpfPerCpuCounters}, which sums the CPUs and still hands out the
     * per-CPU array ({@code array()}): one accessor for one map, so no second name is needed.
     *
     * <p>One declared by value size only is the BPF idiom for scratch memory (libbpf-tools build
     * records in such a "heap"): user space has no use for its bytes, so it is handed out raw with
     * that said, rather than failing the whole skeleton. Any other map without BTF types is an error.
     */
    MapAccessor perCpuArray(MapSpec map) throws GenerationException {
        if (map.valueTypeId() == 0) {
            return MapAccessor.raw(map, "its value has no BTF type, only a size (" + SourceText.bytes(map.valueSize())
                    + "): the per-CPU scratch buffer idiom, which programs fill and user space does not "
                    + "read;\ndeclare it with {@code __type(value, …)} to get it typed");
        }
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        if (value.type() instanceof JavaType.Scalar scalar && scalar.kind() == ScalarKind.U64
                && scalar.enumType() == null) {
            CodeBlock javadoc = CodeBlock.of("Map $L: {@code $L} of $L counters,\nindexes 0 to $L$L; each read "
                    + "sums the CPUs ({@code perCpu} and {@code array()} give every CPU's value).\n",
                    MapAccessor.doc(map), MapAccessorGenerator.cName(map.type()), value.cType(), map.maxEntries() - 1,
                    MapAccessorGenerator.flags(map));
            return new MapAccessor(ClassName.get(BpfPerCpuCounters.class),
                    CodeBlock.of("object.perCpuCounters($L)", MapAccessor.literal(map)), javadoc);
        }
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfPerCpuArrayMap.class), value.boxed());
        return new MapAccessor(type, CodeBlock.of("object.perCpuArrayMap($L, $L)", MapAccessor.literal(map),
                value.codec()), arrayDoc(map, value, "Each index holds one value per possible CPU, "
                + "CPU 0 first; {@code sum} adds them up.\n"));
    }

    /** A queue ({@link BpfQueue}) or stack ({@link BpfStack}) of BTF-typed values. */
    MapAccessor pushPop(MapSpec map) throws GenerationException {
        Class<?> raw = map.type() == MapType.QUEUE ? BpfQueue.class : BpfStack.class;
        String factory = map.type() == MapType.QUEUE ? "queue" : "stack";
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        CodeBlock javadoc = CodeBlock.builder()
                .add("Map $L: {@code $L} of $L$L$L ($L).\n", MapAccessor.doc(map),
                        MapAccessorGenerator.cName(map.type()), value.cType(), MapAccessorGenerator.maxEntries(map),
                        MapAccessorGenerator.flags(map),
                        map.type() == MapType.QUEUE ? "first in, first out" : "last in, first out")
                .add(value.note("Values"))
                .build();
        return new MapAccessor(ParameterizedTypeName.get(ClassName.get(raw), value.boxed()),
                CodeBlock.of("object.$N($L, $L)", factory, MapAccessor.literal(map), value.codec()), javadoc);
    }

    /** A bloom filter of BTF-typed values: {@link BpfBloomFilter}. */
    MapAccessor bloomFilter(MapSpec map) throws GenerationException {
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        CodeBlock javadoc = CodeBlock.builder()
                .add("Map $L: {@code $L} of $L$L$L.\n", MapAccessor.doc(map),
                        MapAccessorGenerator.cName(map.type()), value.cType(), MapAccessorGenerator.maxEntries(map),
                        MapAccessorGenerator.flags(map))
                .add(value.note("Values"))
                .build();
        return new MapAccessor(ParameterizedTypeName.get(ClassName.get(BpfBloomFilter.class), value.boxed()),
                CodeBlock.of("object.bloomFilter($L, $L)", MapAccessor.literal(map), value.codec()),
                javadoc);
    }

    /** A hash of maps: {@link BpfHashOfMaps}, keyed by the BTF key type. */
    MapAccessor hashOfMaps(MapSpec map) throws GenerationException {
        Part key = part(map, "key", map.keyTypeId(), map.keySize());
        CodeBlock javadoc = CodeBlock.builder()
                .add("Map $L: {@code $L}$L$L; key $L, values inner maps.\n", MapAccessor.doc(map),
                        MapAccessorGenerator.cName(map.type()), MapAccessorGenerator.maxEntries(map),
                        MapAccessorGenerator.flags(map), key.cType())
                .add(key.note("Keys"))
                .build();
        return new MapAccessor(ParameterizedTypeName.get(ClassName.get(BpfHashOfMaps.class), key.boxed()),
                CodeBlock.of("object.hashOfMaps($L, $L)", MapAccessor.literal(map), key.codec()),
                javadoc);
    }

    /**
     * An LPM trie: {@link BpfLpmTrie}, when its key follows the kernel's convention (see
     * {@link #lpmData}); else the raw map, with the convention in its Javadoc.
     */
    MapAccessor lpmTrie(MapSpec map) throws GenerationException {
        Part value = part(map, "value", map.valueTypeId(), map.valueSize());
        Optional<Part> data = lpmData(map);
        if (data.isEmpty()) {
            return MapAccessor.raw(map, "its key is not {@code struct { __u32 prefixlen; <one data member>; }} "
                    + "(the layout {@link " + LpmKey.class.getName() + "} needs), so it is not typed");
        }
        TypeName type = ParameterizedTypeName.get(ClassName.get(BpfLpmTrie.class), data.get().boxed(),
                value.boxed());
        CodeBlock javadoc = CodeBlock.builder()
                .add("Map $L: {@code $L}$L$L;\nkey $L: a prefix length in bits and the data "
                        + "$L\n(an {@link $T}), value $L.\n", MapAccessor.doc(map),
                        MapAccessorGenerator.cName(map.type()), MapAccessorGenerator.maxEntries(map),
                        MapAccessorGenerator.flags(map), SourceText.code(types.c().typeName(map.keyTypeId())),
                        data.get().cType(),
                        LpmKey.class, value.cType())
                .add(data.get().note("Data")).add(value.note("Values"))
                .build();
        return new MapAccessor(type, CodeBlock.of("object.lpmTrie($L, $L, $L)", MapAccessor.literal(map),
                data.get().codec(), value.codec()), javadoc);
    }

    /**
     * The data of an LPM trie key, when the key is the kernel's convention: a struct whose first
     * member is a 4-byte integer (the prefix length) and whose only other member, at offset 4,
     * fills the rest of the key. Empty for any other key.
     */
    private Optional<Part> lpmData(MapSpec map) throws GenerationException {
        if (map.keyTypeId() == 0 || !(btf.resolve(map.keyTypeId()) instanceof BtfType.Composite key)
                || key.union() || key.members().size() != 2) {
            return Optional.empty();
        }
        BtfType.Member prefix = key.members().get(0);
        BtfType.Member data = key.members().get(1);
        if (prefix.bitOffset() != 0 || prefix.isBitfield() || data.bitOffset() != 32 || data.isBitfield()
                || !(btf.resolve(prefix.typeId()) instanceof BtfType.Int length) || length.size() != 4) {
            return Optional.empty();
        }
        String use = "map '" + SourceText.shown(map.name()) + "' key data";
        JavaType type = types.map(data.typeId(), use, JavaNames.typeName(map.name()) + "Data");
        // Padding after the data would make the key longer than the codec LpmKey builds.
        return type.size() == map.keySize() - 4
                ? Optional.of(new Part(type, SourceText.code(types.c().typeName(data.typeId())),
                        InlineCodec.of(type, use)))
                : Optional.empty();
    }

    /**
     * A map key or value: its Java type and codec.
     *
     * @param cType its C type, encoded for Javadoc
     */
    record Part(JavaType type, String cType, CodeBlock codec) {
        TypeName boxed() {
            return type.typeName().box();
        }

        CodeBlock note(String what) {
            String note = type.note();
            return note == null ? CodeBlock.of("") : CodeBlock.of("$L: $L.\n", what, note);
        }
    }

    private Part part(MapSpec map, String role, int typeId, int size) throws GenerationException {
        String use = "map '" + SourceText.shown(map.name()) + "' " + role;
        if (typeId == 0) {
            throw new GenerationException(objectPath + ": " + use + " has no BTF type, only a size ("
                    + SourceText.bytes(size) + "), so it cannot be typed; declare the map with __type(" + role
                    + ", …) instead of __uint(" + role + "_size, …)");
        }
        JavaType type = types.map(typeId, use, JavaNames.typeName(map.name()) + JavaNames.typeName(role));
        if (type.size() != size) {
            throw new GenerationException(objectPath + ": " + use + " is " + size + " bytes, but its BTF type "
                    + types.c().typeName(typeId) + " is " + type.size());
        }
        return new Part(type, SourceText.code(types.c().typeName(typeId)), InlineCodec.of(type, use));
    }

    private static CodeBlock keyValueDoc(MapSpec map, Part key, Part value) {
        return CodeBlock.builder()
                .add("Map $L: {@code $L}$L$L;\nkey $L, value $L.\n", MapAccessor.doc(map),
                        MapAccessorGenerator.cName(map.type()), MapAccessorGenerator.maxEntries(map),
                        MapAccessorGenerator.flags(map), key.cType(), value.cType())
                .add(key.note("Keys")).add(value.note("Values"))
                .build();
    }

    private static CodeBlock arrayDoc(MapSpec map, Part value, String more) {
        return CodeBlock.builder()
                .add("Map $L: {@code $L} of $L,\nindexes 0 to $L$L.\n", MapAccessor.doc(map),
                        MapAccessorGenerator.cName(map.type()), value.cType(), map.maxEntries() - 1,
                        MapAccessorGenerator.flags(map))
                .add(more)
                .add(value.note("Values"))
                .build();
    }
}
