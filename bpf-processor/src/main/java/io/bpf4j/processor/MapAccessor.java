package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.bpf4j.map.RawMap;
import io.bpf4j.spec.MapSpec;

/**
 * One accessor of the generated {@code Maps} class: its Java type, the expression that makes it
 * from the loaded object (run once, when the skeleton is made, like every other accessor; the
 * object is in scope as {@code object}) and its Javadoc.
 */
record MapAccessor(TypeName type, CodeBlock initializer, CodeBlock javadoc) {
    /** {@code object.factory("name")}: a typed class that needs nothing but the map. */
    static MapAccessor ofObject(Class<?> type, String factory, MapSpec map, CodeBlock javadoc) {
        return new MapAccessor(ClassName.get(type), CodeBlock.of("object.$N($L)", factory, literal(map)), javadoc);
    }

    /** The map's name as a string literal, for the calls that look it up (checked to fit by the generator). */
    static CodeBlock literal(MapSpec map) {
        return SourceText.literal(map.name());
    }

    /** The map's name for Javadoc. */
    static String doc(MapSpec map) {
        return SourceText.code(SourceText.shown(map.name()));
    }

    /**
     * The {@link RawMap}, for a map no typed class covers; {@code why} says so in its Javadoc, so
     * the map is never silently left out.
     */
    static MapAccessor raw(MapSpec map, String why) {
        CodeBlock.Builder javadoc = CodeBlock.builder()
                .add("Map $L: {@code $L}$L$L, as the raw map:\n$L.\n", doc(map),
                        MapAccessorGenerator.cName(map.type()), MapAccessorGenerator.maxEntries(map),
                        MapAccessorGenerator.flags(map), why);
        if (map.keySize() != 0 || map.valueSize() != 0) {
            // A ring has no elements (both 0): the sentence would only confuse.
            javadoc.add("Keys and values are native-order bytes of $L and $L.\n", SourceText.bytes(map.keySize()),
                    SourceText.bytes(map.valueSize()));
        }
        return new MapAccessor(ClassName.get(RawMap.class), CodeBlock.of("object.map($L)", literal(map)),
                javadoc.build());
    }
}
