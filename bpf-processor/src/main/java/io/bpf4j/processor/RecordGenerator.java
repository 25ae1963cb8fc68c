package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.codec.Codec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Generates the record of a C struct: one component per member, {@code SIZE}, and a {@code CODEC}
 * reading and writing the exact C layout at the BTF offsets.
 */
final class RecordGenerator {
    /** Names the codec methods use; a local variable for an array member must differ from them. */
    private static final List<String> CODEC_NAMES = List.of("buffer", "offset", "value", FieldAccess.INDEX);

    /** Holes of up to this many bytes are zeroed with puts of longs, ints, shorts and bytes. */
    private static final int SMALL_HOLE = 16;

    private RecordGenerator() {}

    static TypeSpec generate(RecordModel record) {
        TypeSpec.Builder type = TypeSpec.recordBuilder(record.className())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(javadoc(record))
                .recordConstructor(constructor(record))
                .addField(FieldSpec.builder(TypeName.INT, "SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("{@code sizeof($L)}.\n", record.cName())
                        .initializer("$L", record.size())
                        .build())
                .addField(codec(record));
        if (record.fields().stream().anyMatch(field -> field.type() instanceof JavaType.PrimitiveArray)) {
            // Records compare arrays by identity; a value type must compare their contents.
            type.addMethod(equalsMethod(record)).addMethod(hashCodeMethod(record)).addMethod(toStringMethod(record));
        }
        return type.build();
    }

    private static CodeBlock javadoc(RecordModel record) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("{@code $L}, $L bytes:\n", record.cName(), record.size())
                .add("\n<pre>{@code\n$L\n}</pre>\n", record.cDefinition());
        if (record.fields().stream().anyMatch(field -> field.type() instanceof JavaType.PrimitiveArray)) {
            doc.add("\n<p>Arrays are held as they are, not copied: do not change them once passed in.\n");
        }
        doc.add("\n");
        for (RecordModel.Field field : record.fields()) {
            doc.add("@param $N $L\n", field.name(), describe(field));
        }
        return doc.build();
    }

    /** The {@code @param} text of a member: its C declaration, its offset and what else to know. */
    private static String describe(RecordModel.Field field) {
        String note = field.type().note();
        return "{@code " + field.cDeclaration() + "} at offset " + field.offset()
                + (note == null ? "" : ";\n    " + note);
    }

    /**
     * The canonical constructor, compact when there is something to check: references must not be
     * null and arrays must have their C length, or encoding would fail far from the mistake.
     */
    private static MethodSpec constructor(RecordModel record) {
        CodeBlock.Builder checks = CodeBlock.builder();
        boolean arrays = false;
        for (RecordModel.Field field : record.fields()) {
            CodeBlock value = CodeBlock.of("$N", field.name());
            if (field.type() instanceof JavaType.StructArray) {
                arrays = true;
                checks.addStatement("$N = $T.copyOf($N)", field.name(), List.class, field.name());
                FieldAccess.checkLength(field.type(), field.name(), value, checks);
            } else if (field.type() instanceof JavaType.PrimitiveArray) {
                arrays = true;
                FieldAccess.checkLength(field.type(), field.name(), value, checks);
            } else if (field.type().isReference()) {
                checks.addStatement("$T.requireNonNull($N, $S)", Objects.class, field.name(), field.name());
            }
        }
        MethodSpec.Builder constructor = checks.isEmpty()
                ? MethodSpec.constructorBuilder()
                : MethodSpec.compactConstructorBuilder()
                        .addJavadoc(arrays
                                ? "Checks every member is present and every array has its C length.\n"
                                : "Checks every member is present.\n")
                        .addCode(checks.build());
        for (RecordModel.Field field : record.fields()) {
            constructor.addParameter(field.type().typeName(), field.name());
        }
        return constructor.addModifiers(Modifier.PUBLIC).build();
    }

    private static FieldSpec codec(RecordModel record) {
        ClassName self = record.className();
        TypeName codecType = ParameterizedTypeName.get(ClassName.get(Codec.class), self);
        TypeSpec implementation = TypeSpec.anonymousClassBuilder("")
                .addSuperinterface(codecType)
                .addMethod(MethodSpec.methodBuilder("size")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT)
                        .addStatement("return SIZE")
                        .build())
                .addMethod(decode(record))
                .addMethod(encode(record))
                .build();
        return FieldSpec.builder(codecType, "CODEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads and writes {@code $L} at an offset of a native-order buffer.\n", record.cName())
                .initializer("$L", implementation)
                .build();
    }

    private static MethodSpec decode(RecordModel record) {
        NameAllocator locals = new NameAllocator();
        CODEC_NAMES.forEach(name -> locals.newName(name, name));
        CodeBlock.Builder body = CodeBlock.builder();
        List<CodeBlock> arguments = new ArrayList<>();
        for (RecordModel.Field field : record.fields()) {
            FieldAccess.Location at = new FieldAccess.Location(CodeBlock.of("buffer"), "offset", field.offset());
            arguments.add(FieldAccess.read(field.type(), at, field.name(), locals, body));
        }
        body.add("return new $T(\n$>$>$L$<$<);\n", record.className(), CodeBlock.join(arguments, ",\n"));
        return MethodSpec.methodBuilder("decode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(record.className())
                .addParameter(ByteBuffer.class, "buffer")
                .addParameter(TypeName.INT, "offset")
                .addCode(body.build())
                .build();
    }

    private static MethodSpec encode(RecordModel record) {
        CodeBlock.Builder body = CodeBlock.builder();
        int covered = 0;
        boolean explained = false;
        for (RecordModel.Field field : record.fields()) {
            explained |= zeroHole(covered, field.offset(), explained, body);
            FieldAccess.Location at = new FieldAccess.Location(CodeBlock.of("buffer"), "offset", field.offset());
            FieldAccess.write(field.type(), at, CodeBlock.of("value.$N()", field.name()), body);
            covered = Math.max(covered, field.offset() + field.type().size());
        }
        zeroHole(covered, record.size(), explained, body);
        return MethodSpec.methodBuilder("encode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(record.className(), "value")
                .addParameter(ByteBuffer.class, "buffer")
                .addParameter(TypeName.INT, "offset")
                .addCode(body.build())
                .build();
    }

    /**
     * Zeroes the padding in {@code [from, to)}, so that equal records always encode to equal bytes:
     * the kernel compares hash-map keys byte by byte, padding included.
     *
     * @return whether a hole was zeroed (and the comment saying why written)
     */
    private static boolean zeroHole(int from, int to, boolean explained, CodeBlock.Builder body) {
        if (from >= to) {
            return false;
        }
        if (!explained) {
            body.add("// Padding is zeroed: the kernel compares hash-map keys byte by byte.\n");
        }
        FieldAccess.Location at = new FieldAccess.Location(CodeBlock.of("buffer"), "offset", from);
        int length = to - from;
        if (length > SMALL_HOLE) {
            body.addStatement("buffer.put($L, new byte[$L])", at.offset(), length);
            return true;
        }
        for (int done = 0; done < length; ) {
            int width = Integer.highestOneBit(Math.min(length - done, 8));
            CodeBlock index = at.plus(done).offset();
            switch (width) {
                case 8 -> body.addStatement("buffer.putLong($L, 0L)", index);
                case 4 -> body.addStatement("buffer.putInt($L, 0)", index);
                case 2 -> body.addStatement("buffer.putShort($L, (short) 0)", index);
                default -> body.addStatement("buffer.put($L, (byte) 0)", index);
            }
            done += width;
        }
        return true;
    }

    // equals, hashCode and toString name components as this.x: a component may be called like
    // their parameter or local (other, that, result).
    private static MethodSpec equalsMethod(RecordModel record) {
        List<CodeBlock> comparisons = new ArrayList<>();
        for (RecordModel.Field field : record.fields()) {
            TypeName type = field.type().typeName();
            if (field.type() instanceof JavaType.PrimitiveArray) {
                comparisons.add(CodeBlock.of("$T.equals(this.$N, that.$N)", Arrays.class, field.name(), field.name()));
            } else if (type.equals(TypeName.FLOAT) || type.equals(TypeName.DOUBLE)) {
                // As records do: compare the bits, so NaN equals NaN and 0.0 differs from -0.0.
                comparisons.add(CodeBlock.of("$T.compare(this.$N, that.$N) == 0", type.box(), field.name(),
                        field.name()));
            } else if (type.isPrimitive()) {
                comparisons.add(CodeBlock.of("this.$N == that.$N", field.name(), field.name()));
            } else {
                comparisons.add(CodeBlock.of("this.$N.equals(that.$N)", field.name(), field.name()));
            }
        }
        return MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.BOOLEAN)
                .addParameter(Object.class, "other")
                .addStatement("return other == this || other instanceof $T that\n&& $L", record.className(),
                        CodeBlock.join(comparisons, "\n&& "))
                .build();
    }

    private static MethodSpec hashCodeMethod(RecordModel record) {
        CodeBlock.Builder body = CodeBlock.builder();
        boolean first = true;
        for (RecordModel.Field field : record.fields()) {
            TypeName type = field.type().typeName();
            CodeBlock hash = field.type() instanceof JavaType.PrimitiveArray
                    ? CodeBlock.of("$T.hashCode(this.$N)", Arrays.class, field.name())
                    : type.isPrimitive()
                            ? CodeBlock.of("$T.hashCode(this.$N)", type.box(), field.name())
                            : CodeBlock.of("this.$N.hashCode()", field.name());
            if (first) {
                body.addStatement("int result = $L", hash);
                first = false;
            } else {
                body.addStatement("result = 31 * result + $L", hash);
            }
        }
        body.addStatement("return result");
        return MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addCode(body.build())
                .build();
    }

    /** Formats like a record's own {@code toString}, with the contents of arrays. */
    private static MethodSpec toStringMethod(RecordModel record) {
        List<CodeBlock> parts = new ArrayList<>();
        String prefix = record.className().simpleName() + "[";
        for (RecordModel.Field field : record.fields()) {
            CodeBlock value = field.type() instanceof JavaType.PrimitiveArray
                    ? CodeBlock.of("$T.toString(this.$N)", Arrays.class, field.name())
                    : CodeBlock.of("this.$N", field.name());
            parts.add(CodeBlock.of("$S + $L", prefix + field.name() + "=", value));
            prefix = ", ";
        }
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $L\n+ $S", CodeBlock.join(parts, "\n+ "), "]")
                .build();
    }
}
