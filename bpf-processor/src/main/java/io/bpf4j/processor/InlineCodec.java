package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.codec.Codec;
import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;
import javax.lang.model.element.Modifier;

/**
 * The codec expression of a whole map key or value: a {@link Codecs} constant for a scalar
 * ({@code Codecs.UINT32}), {@code Codecs.string(N)} for text, {@code X.CODEC} for a struct or
 * union, and for any other type (an array, a float, a pointer) an anonymous {@link Codec} written
 * with the same {@link FieldAccess} code as record members.
 */
final class InlineCodec {
    private InlineCodec() {}

    /** @param use what the value is, for the range checks' messages, e.g. {@code map 'pids' key} */
    static CodeBlock of(JavaType type, String use) {
        if (type instanceof JavaType.Scalar scalar && scalar.kind().codecConstant() != null) {
            return CodeBlock.of("$T.$L", Codecs.class, scalar.kind().codecConstant());
        } else if (type instanceof JavaType.Text text) {
            return CodeBlock.of("$T.string($L)", Codecs.class, text.length());
        } else if (type instanceof JavaType.Struct struct) {
            return CodeBlock.of("$T.CODEC", struct.record().className());
        }
        return CodeBlock.of("$L", anonymous(type, use));
    }

    private static TypeSpec anonymous(JavaType type, String use) {
        TypeName value = type.typeName().box();
        NameAllocator locals = new NameAllocator();
        locals.newName("buffer", "buffer");
        locals.newName("offset", "offset");
        FieldAccess.reserveIndexes(locals);
        CodeBlock.Builder decode = CodeBlock.builder();
        CodeBlock read = FieldAccess.read(type, new FieldAccess.Location(CodeBlock.of("buffer"), "offset", 0), "value",
                locals, decode);
        CodeBlock.Builder encode = CodeBlock.builder();
        FieldAccess.checkLength(type, "value", CodeBlock.of("value"), encode);
        FieldAccess.write(type, new FieldAccess.Location(CodeBlock.of("buffer"), "offset", 0), CodeBlock.of("value"),
                use, encode);
        return TypeSpec.anonymousClassBuilder("")
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Codec.class), value))
                .addMethod(MethodSpec.methodBuilder("size")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.INT)
                        .addStatement("return $L", type.size())
                        .build())
                .addMethod(MethodSpec.methodBuilder("decode")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(value)
                        .addParameter(ByteBuffer.class, "buffer")
                        .addParameter(TypeName.INT, "offset")
                        .addCode(decode.addStatement("return $L", read).build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("encode")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(value, "value")
                        .addParameter(ByteBuffer.class, "buffer")
                        .addParameter(TypeName.INT, "offset")
                        .addCode(encode.build())
                        .build())
                .build();
    }
}
