package io.bpf4j.processor;

import com.palantir.javapoet.ArrayTypeName;
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
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Generates the type of a C union, or of a struct too big for a record (see
 * {@link RecordModel#heldAsBytes()}): a record of its raw bytes ({@code SIZE} of them), with one
 * accessor per member decoding that member from the bytes, a {@code CODEC} and a {@code View}
 * (with which a big struct is built in place). A union also gets one factory
 * {@code ofMember(value)} per member encoding it (the bytes past the member zero): which member is
 * meaningful is the C program's business; the union never guesses.
 */
final class BytesRecordGenerator {
    /** The names the type uses itself, which a member accessor must not take. */
    static final List<String> RESERVED = List.of("bytes", "memory");

    private BytesRecordGenerator() {}

    static TypeSpec generate(RecordModel model) {
        ClassName self = model.className();
        TypeName bytes = ArrayTypeName.of(TypeName.BYTE);
        TypeSpec.Builder type = TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(javadoc(model))
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(bytes, "bytes")
                        .addJavadoc("Checks there are exactly {@code SIZE} bytes, and copies them.\n")
                        .beginControlFlow("if (bytes.length != SIZE)")
                        .addStatement("throw new $T($L + bytes.length)", IllegalArgumentException.class,
                                SourceText.literal(SourceText.shown(model.cName()) + " has " + model.size()
                                        + " bytes, not "))
                        .endControlFlow()
                        .addStatement("bytes = bytes.clone()")
                        .build())
                .addField(FieldSpec.builder(TypeName.INT, "SIZE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("<code>sizeof($L)</code>.\n", SourceText.doc(model.cName()))
                        .initializer("$L", model.size())
                        .build())
                .addField(codec(model))
                .addMethod(MethodSpec.methodBuilder("bytes")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(bytes)
                        .addJavadoc("A copy of the bytes.\n")
                        .addStatement("return bytes.clone()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("memory")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(ByteBuffer.class)
                        .addStatement("return $T.wrap(bytes).order($T.nativeOrder())", ByteBuffer.class, ByteOrder.class)
                        .build());
        for (RecordModel.Field field : model.fields()) {
            type.addMethod(getter(field));
            if (model.union()) {
                type.addMethod(factory(model, field));
            }
        }
        return type.addType(ViewGenerator.generate(model))
                .addMethod(MethodSpec.methodBuilder("equals")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.BOOLEAN)
                        .addParameter(Object.class, "other")
                        .addStatement("return other == this || other instanceof $T that && $T.equals(this.bytes, "
                                + "that.bytes)", self, Arrays.class)
                        .build())
                .addMethod(MethodSpec.methodBuilder("hashCode")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT)
                        .addStatement("return $T.hashCode(bytes)", Arrays.class)
                        .build())
                .addMethod(MethodSpec.methodBuilder("toString")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return $S + $T.of().formatHex(bytes) + $S", self.simpleName() + "[bytes=",
                                HexFormat.class, "]")
                        .build())
                .build();
    }

    private static CodeBlock javadoc(RecordModel model) {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add(model.union()
                        ? "$L, $L, every member a view of the same bytes:\n"
                        : "$L, $L, held as its bytes: its members are too many for the\nparameters of a "
                                + "record's constructor (build one in place with {@link View}):\n",
                        SourceText.code(model.cName()), SourceText.bytes(model.size()))
                .add("\n<pre>\n$L\n</pre>\n", SourceText.docLines(model.cDefinition()))
                .add("\n<p>Members:\n<ul>\n");
        for (RecordModel.Field field : model.fields()) {
            doc.add("  <li>{@link #$N()}: $L\n", field.name(), RecordGenerator.describe(field));
        }
        return doc.add("</ul>\n\n@param bytes the $L {@code SIZE} bytes, in native byte order\n",
                model.union() ? "union's" : "struct's").build();
    }

    private static MethodSpec getter(RecordModel.Field field) {
        CodeBlock.Builder body = CodeBlock.builder();
        NameAllocator locals = new NameAllocator();
        locals.newName("buffer", "buffer");
        FieldAccess.reserveIndexes(locals);
        body.addStatement("$T buffer = memory()", ByteBuffer.class);
        CodeBlock value = FieldAccess.read(field.type(),
                new FieldAccess.Location(CodeBlock.of("buffer"), null, field.offset()), field.name(), locals, body);
        return MethodSpec.methodBuilder(field.name())
                .addModifiers(Modifier.PUBLIC)
                .returns(field.type().typeName())
                .addJavadoc("The bytes read as $L.\n", RecordGenerator.describe(field))
                .addCode(body.addStatement("return $L", value).build())
                .build();
    }

    private static MethodSpec factory(RecordModel model, RecordModel.Field field) {
        String name = "of" + Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
        CodeBlock.Builder body = CodeBlock.builder();
        if (field.type().isReference()) {
            body.addStatement("$T.requireNonNull(value, $S)", Objects.class, field.name());
        }
        FieldAccess.checkLength(field.type(), field.name(), CodeBlock.of("value"), body);
        body.addStatement("$T buffer = $T.allocate(SIZE).order($T.nativeOrder())", ByteBuffer.class,
                ByteBuffer.class, ByteOrder.class);
        FieldAccess.write(field.type(), new FieldAccess.Location(CodeBlock.of("buffer"), null, field.offset()),
                CodeBlock.of("value"), field.messageName(), body);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(model.className())
                .addParameter(field.type().typeName(), "value")
                .addJavadoc("The union holding {@code value} as $L; the other bytes are zero.\n",
                        RecordGenerator.describe(field))
                .addCode(body.addStatement("return new $T(buffer.array())", model.className()).build())
                .build();
    }

    private static FieldSpec codec(RecordModel model) {
        ClassName self = model.className();
        TypeName codecType = ParameterizedTypeName.get(ClassName.get(Codec.class), self);
        TypeSpec implementation = TypeSpec.anonymousClassBuilder("")
                .addSuperinterface(codecType)
                .addMethod(MethodSpec.methodBuilder("size")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT)
                        .addStatement("return SIZE")
                        .build())
                .addMethod(MethodSpec.methodBuilder("decode")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(self)
                        .addParameter(ByteBuffer.class, "buffer")
                        .addParameter(TypeName.INT, "offset")
                        .addStatement("byte[] bytes = new byte[SIZE]")
                        .addStatement("buffer.get(offset, bytes)")
                        .addStatement("return new $T(bytes)", self)
                        .build())
                .addMethod(MethodSpec.methodBuilder("encode")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(self, "value")
                        .addParameter(ByteBuffer.class, "buffer")
                        .addParameter(TypeName.INT, "offset")
                        .addStatement("buffer.put(offset, value.bytes)")
                        .build())
                .build();
        return FieldSpec.builder(codecType, "CODEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Reads and writes $L at an offset of a native-order buffer.\n",
                        SourceText.code(model.cName()))
                .initializer("$L", implementation)
                .build();
    }
}
