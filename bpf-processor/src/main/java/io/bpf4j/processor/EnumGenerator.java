package io.bpf4j.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Generates the Java enum of a C enum. Members and variables of the enum's type keep the raw C
 * value (so a value the enum does not name, such as one from a newer kernel, still reads back
 * unchanged); {@code TheEnum.of(value)} names it, and is empty for an unknown value.
 */
final class EnumGenerator {
    /** The names the enum uses itself, which a constant must not take. */
    static final List<String> RESERVED = List.of("CONSTANTS");

    private EnumGenerator() {}

    static TypeSpec generate(EnumModel model) {
        TypeSpec.Builder type = TypeSpec.enumBuilder(model.className())
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("$L, $L bytes, $L.\n", SourceText.code(model.cName()), model.size(),
                        model.signed() ? "signed" : "unsigned")
                .addJavadoc("\n<p>Values are held raw wherever they occur; {@link #of(long)} names one.\n")
                .addField(FieldSpec.builder(ArrayTypeName.of(model.className()), "CONSTANTS", Modifier.PRIVATE,
                                Modifier.STATIC, Modifier.FINAL)
                        .initializer("values()")
                        .build())
                .addField(TypeName.LONG, "value", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(TypeName.LONG, "value")
                        .addStatement("this.value = value")
                        .build())
                .addMethod(MethodSpec.methodBuilder("value")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TypeName.LONG)
                        .addJavadoc("The C value$L.\n", unsigned64(model)
                                ? " (unsigned: all 64 bits, see Long.toUnsignedString)" : "")
                        .addStatement("return value")
                        .build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), model.className()))
                        .addParameter(TypeName.LONG, "value")
                        .addJavadoc("The constant of {@code value}, the first declared when several share it; empty "
                                + "for a value\nthis enum does not name.\n")
                        .beginControlFlow("for ($T constant : CONSTANTS)", model.className())
                        .beginControlFlow("if (constant.value == value)")
                        .addStatement("return $T.of(constant)", Optional.class)
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("return $T.empty()", Optional.class)
                        .build());
        for (EnumModel.Constant constant : model.constants()) {
            type.addEnumConstant(constant.name(), TypeSpec.anonymousClassBuilder("$LL", constant.value())
                    .addJavadoc("<code>$L = $L</code>.\n", SourceText.doc(SourceText.shown(constant.cName())),
                            cValue(model, constant.value()))
                    .build());
        }
        return type.build();
    }

    private static boolean unsigned64(EnumModel model) {
        return model.size() == 8 && !model.signed();
    }

    private static CodeBlock cValue(EnumModel model, long value) {
        return CodeBlock.of("$L", unsigned64(model) ? Long.toUnsignedString(value) : Long.toString(value));
    }
}
