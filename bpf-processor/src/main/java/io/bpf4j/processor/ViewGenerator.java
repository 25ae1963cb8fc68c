package io.bpf4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.codec.CharArrays;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@code View} nested in each struct's or union's type: a reusable, mutable window on
 * the type's bytes in a buffer, with a getter and a setter per member that read and write in place
 * and allocate nothing (but the {@code String}s of text members, which have copying
 * {@code byte[]} overloads). It is the type of the hot paths, such as
 * {@code RingBufferReader.drainViews}.
 *
 * <p>Per member: scalars and bitfields {@code T x()} / {@code View x(T)}; text {@code String x()},
 * {@code int x(byte[] dst)} and {@code View x(String)}; structs and unions {@code X.View x()} (a
 * view owned by this one, rewrapped on each call); arrays the same with one {@code int} index per
 * dimension in front.
 */
final class ViewGenerator {
    /** The view's own methods, which a member accessor must not take. */
    private static final Set<String> RESERVED = Set.of("wrap", "decode");
    private static final String BUFFER = "buffer";
    private static final String OFFSET = "offset";

    private ViewGenerator() {}

    static TypeSpec generate(RecordModel record) {
        ClassName view = record.className().nestedClass("View");
        TypeSpec.Builder type = TypeSpec.classBuilder(view)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc(record))
                .addField(ByteBuffer.class, BUFFER, Modifier.PRIVATE)
                .addField(TypeName.INT, OFFSET, Modifier.PRIVATE)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addJavadoc("A view on nothing yet: {@link #wrap} it before use.\n")
                        .build())
                .addMethod(MethodSpec.methodBuilder("wrap")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(view)
                        .addParameter(ByteBuffer.class, BUFFER)
                        .addParameter(TypeName.INT, OFFSET)
                        .addJavadoc("Points this view at the $L at {@code offset} of {@code buffer} (native "
                                + "byte order).\n\n@return this view\n", SourceText.code(record.cName()))
                        .addStatement("this.$N = $T.requireNonNull($N, $S)", BUFFER, Objects.class, BUFFER, BUFFER)
                        .addStatement("this.$N = $N", OFFSET, OFFSET)
                        .addStatement("return this")
                        .build())
                .addMethod(MethodSpec.methodBuilder("decode")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(record.className())
                        .addJavadoc("Copies the bytes under this view into a {@link $T}.\n", record.className())
                        .addStatement("return CODEC.decode($N, $N)", BUFFER, OFFSET)
                        .build());
        for (RecordModel.Field field : record.fields()) {
            String name = RESERVED.contains(field.name()) ? field.name() + "_" : field.name();
            addAccessors(type, view, field, name);
        }
        return type.build();
    }

    private static CodeBlock javadoc(RecordModel record) {
        String simple = record.className().simpleName();
        return CodeBlock.builder()
                .add("$L in place: the getters and setters read and write the bytes at the buffer\n"
                        + "and offset last given to {@link #wrap}, allocating nothing (but the {@code String}s of "
                        + "text\nmembers; their {@code byte[]} overloads copy the raw bytes instead). Struct and "
                        + "union\nmembers are views owned by this one and rewrapped on each call: use one before "
                        + "asking for\nthe next. One view serves every record of a ring buffer's zero-allocation "
                        + "path:\n", SourceText.code(record.cName()))
                .add("\n<pre>{@code\n$L.View view = new $L.View();\n"
                        + "reader.drainViews((data, offset, length) -> {\n"
                        + "    view.wrap(data, offset);\n"
                        + "    // read view's members here; the bytes are valid only during the call\n"
                        + "});\n}</pre>\n", simple, simple)
                .build();
    }

    /** The getter and setter of one member, indexed by each array dimension it has. */
    private static void addAccessors(TypeSpec.Builder type, ClassName view, RecordModel.Field field, String name) {
        List<Integer> lengths = new ArrayList<>();
        List<Integer> strides = new ArrayList<>();
        JavaType leaf = field.type();
        while (FieldAccess.isArray(leaf)) {
            JavaType element = FieldAccess.elementOf(leaf);
            lengths.add(FieldAccess.lengthOf(leaf));
            strides.add(element.size());
            leaf = element;
        }
        List<String> indexes = new ArrayList<>();
        for (int i = 0; i < lengths.size(); i++) {
            indexes.add(lengths.size() == 1 ? "index" : "index" + i);
        }
        FieldAccess.Location at = new FieldAccess.Location(CodeBlock.of("$N", BUFFER), OFFSET, field.offset());
        CodeBlock.Builder checks = CodeBlock.builder();
        for (int i = 0; i < indexes.size(); i++) {
            at = at.element(indexes.get(i), strides.get(i));
            checks.addStatement("$T.checkIndex($N, $L)", Objects.class, indexes.get(i), lengths.get(i));
        }
        String doc = RecordGenerator.describe(field) + (indexes.isEmpty() ? "" : ";\n    "
                + String.join(", ", indexes) + " from 0 to " + lengthsText(lengths));
        if (leaf instanceof JavaType.Struct struct) {
            String child = name + "View";
            ClassName childType = struct.record().className().nestedClass("View");
            type.addField(FieldSpec.builder(childType, child, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("new $T()", childType)
                    .build());
            type.addMethod(indexed(name, indexes, doc).returns(childType)
                    .addCode(checks.build())
                    .addStatement("return $N.wrap($N, $L)", child, BUFFER, at.offset())
                    .build());
            return;
        }
        // The leaf is never an array, so it reads in one expression: no locals, no statements.
        CodeBlock value = FieldAccess.read(leaf, at, name, new NameAllocator(), CodeBlock.builder());
        type.addMethod(indexed(name, indexes, doc).returns(leaf.typeName())
                .addCode(checks.build())
                .addStatement("return $L", value)
                .build());
        if (leaf instanceof JavaType.Text text) {
            type.addMethod(indexed(name, indexes, "Copies the raw bytes of " + doc)
                    .addParameter(ArrayTypeName.of(TypeName.BYTE), "dst")
                    .returns(TypeName.INT)
                    .addJavadoc("\n@param dst receives up to $L bytes, the NUL and what follows it included\n"
                            + "@return the length of the text, the bytes before the first NUL\n", text.length())
                    .addCode(checks.build())
                    .addStatement("return $T.copy($N, $L, $L, dst)", CharArrays.class, BUFFER, at.offset(),
                            text.length())
                    .build());
        }
        CodeBlock.Builder write = CodeBlock.builder().add(checks.build());
        if (leaf.isReference()) {
            write.addStatement("$T.requireNonNull(value, $S)", Objects.class, name);
        }
        FieldAccess.write(leaf, at, CodeBlock.of("value"), field.messageName(), write);
        type.addMethod(indexed(name, indexes, "Sets " + doc)
                .addParameter(leaf.typeName(), "value")
                .returns(view)
                .addJavadoc("\n@return this view\n")
                .addCode(write.addStatement("return this").build())
                .build());
    }

    private static MethodSpec.Builder indexed(String name, List<String> indexes, String doc) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L.\n", doc);
        indexes.forEach(index -> method.addParameter(TypeName.INT, index));
        return method;
    }

    private static String lengthsText(List<Integer> lengths) {
        List<String> last = new ArrayList<>();
        lengths.forEach(length -> last.add(Integer.toString(length - 1)));
        return String.join(", ", last);
    }
}
