package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.VariableSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates the typed views of the data sections' global variables: for {@code .rodata}, fluent
 * setters (and getters) in the Open phase, where the values can still change, and getters on the
 * loaded skeleton; for {@code .bss} and {@code .data}, getters and setters on the loaded skeleton,
 * reading and writing the memory the programs share. Static variables are private to the object
 * and get no accessor, as in libbpf skeletons.
 */
final class DataSectionGenerator {
    /** The private method of each view returning the section's memory. */
    private static final String MEMORY = "memory";
    /** The private field of each view holding the object layer's section. */
    private static final String SECTION = "section";

    private final TypeMapper types;

    /**
     * A data section that has accessors, and the names its views get.
     *
     * @param spec the section
     * @param variables its variables that get accessors, by offset
     * @param baseName the Java name of the section, {@code Rodata} for {@code .rodata}
     */
    record Section(DataSectionSpec spec, List<VariableSpec> variables, String baseName) {
        /** The section's accessor method name, {@code rodata} for {@code .rodata}. */
        String accessorName() {
            return Character.toLowerCase(baseName.charAt(0)) + baseName.substring(1);
        }
    }

    /** The externs libbpf fills in from the kernel's configuration at load; read-only afterwards. */
    static final String KCONFIG = ".kconfig";

    DataSectionGenerator(TypeMapper types) {
        this.types = types;
    }

    /**
     * The sections with at least one accessible variable: {@code .rodata}, {@code .data},
     * {@code .bss}, their {@code .rodata.NAME} variants and {@code .kconfig}, in object order.
     *
     * @param skipped variables that exist only to carry BTF (see {@link EventTypes})
     * @param typeNames the skeleton's nested type names: each section takes its base name and the
     *     base name + {@code View}, both free (sections {@code .data.a_b} and {@code .data.a__b}
     *     differ only in what Java cannot spell)
     */
    static List<Section> sections(List<DataSectionSpec> sections, Set<String> skipped,
            JavaNames.Allocator typeNames) {
        List<Section> result = new ArrayList<>();
        for (DataSectionSpec section : sections) {
            String name = section.name();
            boolean data = name.equals(".rodata") || name.equals(".data") || name.equals(".bss")
                    || name.startsWith(".rodata.") || name.startsWith(".data.") || name.startsWith(".bss.")
                    || name.equals(KCONFIG);
            List<VariableSpec> variables = section.variables().stream()
                    .filter(variable -> variable.global() && !skipped.contains(variable.name()))
                    .toList();
            if (data && !variables.isEmpty()) {
                String wanted = JavaNames.typeName(name.substring(1));
                String base = wanted;
                for (int n = 2; !typeNames.isFree(base) || !typeNames.isFree(base + "View"); n++) {
                    base = wanted + "Section" + (n == 2 ? "" : n);
                }
                typeNames.reserve(base);
                typeNames.reserve(base + "View");
                result.add(new Section(section, variables, base));
            }
        }
        return result;
    }

    /**
     * A view of {@code section}: a static nested class over the object layer's section, whose
     * memory it asks for on each access ({@code section.buffer()}), so the object can refuse access
     * once the memory is gone (after load, or after close).
     *
     * @param className the view's class
     * @param sectionType the object layer's type of the section it is made from: an
     *     {@link io.bpf4j.object.OpenDataSection} before load, a {@link io.bpf4j.object.DataSection}
     *     or {@link io.bpf4j.object.DataSectionView} after
     * @param writable whether to generate setters
     * @param javadoc the view's class Javadoc
     * @throws GenerationException when a variable's type cannot be mapped
     */
    TypeSpec view(Section section, ClassName className, Class<?> sectionType, boolean writable, CodeBlock javadoc)
            throws GenerationException {
        TypeSpec.Builder type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc)
                .addField(FieldSpec.builder(sectionType, SECTION, Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(sectionType, SECTION)
                        .addStatement("this.$N = $N", SECTION, SECTION)
                        .build())
                .addMethod(MethodSpec.methodBuilder(MEMORY)
                        .addModifiers(Modifier.PRIVATE)
                        .returns(ByteBuffer.class)
                        .addStatement("return $N.buffer()", SECTION)
                        .build());
        JavaNames.Allocator names = new JavaNames.Allocator();
        // The view's own field and method; an accessor of the same name would clash.
        List.of(MEMORY, SECTION).forEach(names::reserve);
        String sectionName = section.spec().name();
        ClassFileLimits.check(section.variables().size(), ClassFileLimits.MAX_VARIABLES, "global variables",
                types.objectPath() + ": data section '" + SourceText.shown(sectionName) + "'");
        for (VariableSpec variable : section.variables()) {
            JavaType javaType = types.map(variable.typeId(), "variable '" + SourceText.shown(variable.name()) + "' in "
                    + SourceText.shown(sectionName), JavaNames.typeName(variable.name()));
            String name = names.allocate(JavaNames.memberName(variable.name()), "_");
            String note = javaType.note();
            String doc = SourceText.code(types.c().declaration(variable.typeId(), variable.name())) + " at offset "
                    + variable.offset() + " of " + SourceText.code(SourceText.shown(sectionName)) + ", "
                    + SourceText.bytes(variable.size())
                    + (note == null ? "" : ";\n" + note);
            type.addMethod(getter(javaType, variable, name, doc));
            if (writable) {
                type.addMethod(setter(javaType, variable, name, doc, className));
                if (javaType instanceof JavaType.Struct struct) {
                    addView(type, struct.record(), variable, names.allocate(name + "View", "_"), doc);
                }
            }
        }
        return type.build();
    }

    /**
     * A struct or union variable's live view: its members read and written in place, nothing
     * allocated (the view is made once, with the section's accessor).
     */
    private static void addView(TypeSpec.Builder type, RecordModel record, VariableSpec variable, String name,
            String doc) {
        ClassName view = record.className().nestedClass("View");
        type.addField(FieldSpec.builder(view, name, Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", view)
                .build());
        type.addMethod(MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addJavadoc("$L.\n\n<p>In place: a view of the section's memory that reads and writes members\n"
                        + "without allocating. The same view is returned on each call.\n", doc)
                .addStatement("return $N.wrap($N(), $L)", name, MEMORY, variable.offset())
                .build());
    }

    private static MethodSpec getter(JavaType type, VariableSpec variable, String name, String doc) {
        NameAllocator locals = new NameAllocator();
        FieldAccess.reserveIndexes(locals);
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock buffer = CodeBlock.of("$N()", MEMORY);
        if (FieldAccess.isArray(type)) {
            // An array is read in a loop: fetch the memory once.
            String local = locals.newName("buffer");
            body.addStatement("$T $N = $N()", ByteBuffer.class, local, MEMORY);
            buffer = CodeBlock.of("$N", local);
        }
        CodeBlock value = FieldAccess.read(type, new FieldAccess.Location(buffer, null, variable.offset()), name,
                locals, body);
        body.addStatement("return $L", value);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(type.typeName())
                .addJavadoc("$L.\n", doc)
                .addCode(body.build())
                .build();
    }

    private static MethodSpec setter(JavaType type, VariableSpec variable, String name, String doc,
            ClassName view) {
        CodeBlock.Builder body = CodeBlock.builder();
        CodeBlock value = CodeBlock.of("value");
        CodeBlock buffer = CodeBlock.of("$N()", MEMORY);
        if (type.isReference()) {
            body.addStatement("$T.requireNonNull(value, $S)", Objects.class, name);
        }
        if (FieldAccess.isArray(type)) {
            FieldAccess.checkLength(type, name, value, body);
            body.addStatement("$T buffer = $N()", ByteBuffer.class, MEMORY);
            buffer = CodeBlock.of("buffer");
        }
        FieldAccess.write(type, new FieldAccess.Location(buffer, null, variable.offset()), value, variable.name(),
                body);
        body.addStatement("return this");
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(view)
                .addParameter(type.typeName(), "value")
                .addJavadoc("Sets $L.\n\n@param value the new value\n@return this view, to set more\n", doc)
                .addCode(body.build())
                .build();
    }
}
