package io.bpf4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.Kernel;
import io.bpf4j.btf.BtfType;
import io.bpf4j.object.BpfObject;
import io.bpf4j.object.DataSection;
import io.bpf4j.object.DataSectionView;
import io.bpf4j.object.ObjectSource;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.object.OpenDataSection;
import io.bpf4j.object.OpenSkeleton;
import io.bpf4j.object.Skeleton;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.MapSpec;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Assembles the skeleton class of one object: its constants, {@code open()}, the {@code Open}
 * phase, the loaded skeleton's {@code maps()}, {@code programs()} and data sections, and the
 * records of every struct they use. Members follow the order of the object.
 *
 * <p>The skeleton is a typed wrapper over the object layer ({@link Skeleton} over a
 * {@link BpfObject}, {@link OpenSkeleton} over an {@link OpenBpfObject}): every part is a static
 * nested class built once from the object, looking its map, program or section up by name;
 * lifetimes, ownership and the kernel are the object's.
 */
final class SkeletonGenerator {
    /** The value of {@code @Generated}: the processor, so a reader knows where the code comes from. */
    static final String GENERATOR = SkeletonProcessor.class.getName();

    private final SkeletonRequest request;
    private final ObjectSpec spec;
    private final boolean generatedAnnotation;
    private final ClassName skeleton;
    private final ClassName open;
    private final String objectFile;
    private final String objectPath;

    /**
     * @param generatedAnnotation whether {@code javax.annotation.processing.Generated} is available
     *     to the code being compiled
     */
    SkeletonGenerator(SkeletonRequest request, ObjectSpec spec, boolean generatedAnnotation) {
        this.request = request;
        this.spec = spec;
        this.generatedAnnotation = generatedAnnotation;
        this.skeleton = ClassName.get(request.packageName(), request.skeletonName());
        this.open = skeleton.nestedClass("Open");
        this.objectFile = request.object().fileName();
        this.objectPath = request.object().resourceName();
    }

    /**
     * The skeleton's source file and the warnings to report with it.
     *
     * @throws GenerationException when part of the object cannot be typed, or is more than a
     *     class file can hold
     */
    GeneratedSkeleton generate() throws GenerationException {
        checkLiterals();
        List<String> warnings = new ArrayList<>();
        EventTypes events = EventTypes.resolve(spec, request.events(), objectPath);
        JavaNames.Allocator typeNames = reservedTypeNames();
        List<DataSectionGenerator.Section> sections =
                DataSectionGenerator.sections(spec.dataSections(), events.markerVariables(), typeNames);
        ClassFileLimits.check(sections.size(), ClassFileLimits.MAX_DATA_SECTIONS, "data sections with variables",
                objectPath);
        TypeMapper types = new TypeMapper(spec.btf(), skeleton, typeNames, objectPath);

        Parts parts = new Parts(skeleton, BpfObject.class);
        Parts openParts = new Parts(open, OpenBpfObject.class);
        new MapAccessorGenerator(types, spec.btf(), events, objectFile, objectPath, warnings)
                .generate(skeleton.nestedClass("Maps"), spec.maps())
                .ifPresent(maps -> parts.add(maps, "maps", "The typed maps.", CodeBlock.of("object")));
        ClassFileLimits.check(spec.programs().size(), ClassFileLimits.MAX_PROGRAMS, "programs", objectPath);
        ProgramGenerator programs = new ProgramGenerator(spec.programs(), objectFile, skeleton);
        if (!spec.programs().isEmpty()) {
            parts.add(programs.programsClass(skeleton.nestedClass("Programs")), "programs", "The programs.",
                    CodeBlock.of("object"));
        }
        DataSectionGenerator dataSections = new DataSectionGenerator(types);
        for (DataSectionGenerator.Section section : sections) {
            if (section.spec().name().equals(DataSectionGenerator.KCONFIG)) {
                addKconfigSection(section, dataSections, parts);
            } else if (section.spec().readOnly()) {
                addReadOnlySection(section, dataSections, openParts, parts);
            } else {
                addWritableSection(section, dataSections, parts);
            }
        }
        if (!spec.programs().isEmpty()) {
            openParts.add(programs.openProgramsClass(open.nestedClass("Programs")), "programs",
                    "The programs, to choose which load: {@code programs().name().autoload(false)}.",
                    CodeBlock.of("object"));
        }
        addMarkerRecords(events, types, warnings);

        TypeSpec.Builder type = skeletonClass(parts).addType(openClass(openParts));
        type.addTypes(parts.types);
        for (RecordModel record : types.records()) {
            type.addType(RecordGenerator.generate(record));
        }
        for (EnumModel enumModel : types.enums()) {
            type.addType(EnumGenerator.generate(enumModel));
        }
        JavaFile file = JavaFile.builder(request.packageName(), type.build())
                .addFileComment("Generated by bpf4j from $L. Do not edit: rebuild instead.",
                        SourceText.comment(objectPath))
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
        return new GeneratedSkeleton(file, warnings);
    }

    /**
     * Checks up front that every name the skeleton holds as an exact string literal (to look
     * maps, programs and sections up at run time) fits in a class file constant.
     */
    private void checkLiterals() throws GenerationException {
        for (MapSpec map : spec.maps()) {
            SourceText.checkConstant(map.name(), objectPath + ": map name");
        }
        for (ProgramSpec program : spec.programs()) {
            SourceText.checkConstant(program.name(), objectPath + ": program name");
            SourceText.checkConstant(program.sectionName(), objectPath + ": section name");
        }
        for (DataSectionSpec section : spec.dataSections()) {
            SourceText.checkConstant(section.name(), objectPath + ": section name");
        }
    }

    /**
     * The records of the structs the {@code unused_} pointers name, also those no map is bound to
     * (several pointers, so the convention could not choose): raw records can then be decoded
     * with their {@code CODEC}. One that cannot be typed is left out, with a warning saying why,
     * since nothing else depends on it.
     */
    private static void addMarkerRecords(EventTypes events, TypeMapper types, List<String> warnings) {
        for (BtfType.Composite struct : events.markerStructs()) {
            try {
                types.mapOrUndo(struct.id(), "the struct of an unused_ pointer",
                        JavaNames.typeName(struct.name()));
            } catch (GenerationException e) {
                warnings.add(e.getMessage() + "; it gets no record");
            }
        }
    }

    /**
     * The names no C type may take: the skeleton's own nested types, those it names by their simple
     * name ({@link ReferencedNames}) and the skeleton itself.
     */
    private JavaNames.Allocator reservedTypeNames() {
        JavaNames.Allocator typeNames = new JavaNames.Allocator();
        typeNames.reserve(skeleton.simpleName());
        ReferencedNames.NESTED.forEach(typeNames::reserve);
        ReferencedNames.JAVA_LANG.forEach(typeNames::reserve);
        ReferencedNames.IMPORTED.forEach(typeNames::reserve);
        return typeNames;
    }

    /** The skeleton class: constants, constructor, {@code open()} and the parts' accessors. */
    private TypeSpec.Builder skeletonClass(Parts parts) {
        TypeSpec.Builder type = TypeSpec.classBuilder(skeleton)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(Skeleton.class)
                .addJavadoc(javadoc())
                .addField(constant("OBJECT_NAME", request.object().objectName(),
                        "The object's name, as the kernel knows it: the file name without {@code .bpf.o}."))
                .addField(constant("OBJECT_SHA256", spec.sha256(),
                        "SHA-256 of the object this skeleton was generated from; opening checks it is the same\n"
                                + "object."))
                .addField(FieldSpec.builder(String.class, "OBJECT_RESOURCE", Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$L", SourceText.literal(request.object().nameForSkeleton()))
                        .build());
        if (generatedAnnotation) {
            type.addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                    .addMember("value", "$S", GENERATOR)
                    .build());
        }
        return type.addFields(parts.fields)
                .addMethod(parts.constructor.build())
                .addMethod(MethodSpec.methodBuilder("open")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(open)
                        .addJavadoc("Opens the object in this machine's kernel ({@link $T#system()}).\n", Kernel.class)
                        .addStatement("return open($T.system())", Kernel.class)
                        .build())
                .addMethod(MethodSpec.methodBuilder("open")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(open)
                        .addParameter(Kernel.class, "kernel")
                        .addJavadoc("Opens the object in {@code kernel}, such as a {@code FakeKernel} in tests: the\n"
                                + "class-path resource it was generated from, checked to be the same object.\n")
                        .addStatement("return new $T(kernel.open($T.resource($T.class, OBJECT_RESOURCE, "
                                + "OBJECT_SHA256)))", open, ObjectSource.class, skeleton)
                        .build())
                .addMethods(parts.accessors);
    }

    /**
     * A {@code .rodata} section: setters in the Open phase, where the constants can still change,
     * and a read-only view of the loaded values.
     */
    private void addReadOnlySection(DataSectionGenerator.Section section, DataSectionGenerator generator,
            Parts openParts, Parts parts) throws GenerationException {
        String name = section.spec().name();
        String shown = SourceText.code(SourceText.shown(name));
        TypeSpec setters = generator.view(section, open.nestedClass(section.baseName()), OpenDataSection.class, true,
                CodeBlock.of("The $L variables of $L: constants of the programs, set before\nload.\n", shown,
                        SourceText.code(objectFile)));
        openParts.add(setters, section.accessorName(), "The " + shown + " variables, to set before {@link #load()}.",
                CodeBlock.of("object.data($L)", SourceText.literal(name)));
        TypeSpec view = generator.view(section, skeleton.nestedClass(section.baseName() + "View"),
                DataSectionView.class, false,
                CodeBlock.of("The $L variables of $L as loaded; read-only, set them in\n{@link $T}.\n",
                        shown, SourceText.code(objectFile), open));
        parts.add(view, section.accessorName(), "The " + shown + " variables as loaded.",
                CodeBlock.of("object.section($L)", SourceText.literal(name)));
    }

    /** {@code .kconfig}: getters of what the loader filled in; there is nothing to set before load. */
    private void addKconfigSection(DataSectionGenerator.Section section, DataSectionGenerator generator,
            Parts parts) throws GenerationException {
        String name = section.spec().name();
        TypeSpec view = generator.view(section, skeleton.nestedClass(section.baseName()), DataSectionView.class, false,
                CodeBlock.of("The {@code $L} externs of $L: the kernel configuration values libbpf\n"
                        + "filled in at load; read-only.\n", DataSectionGenerator.KCONFIG,
                        SourceText.code(objectFile)));
        parts.add(view, section.accessorName(), "The {@code " + DataSectionGenerator.KCONFIG + "} values as loaded.",
                CodeBlock.of("object.section($L)", SourceText.literal(name)));
    }

    /** A {@code .bss} or {@code .data} section: getters and setters of the live memory. */
    private void addWritableSection(DataSectionGenerator.Section section, DataSectionGenerator generator,
            Parts parts) throws GenerationException {
        String name = section.spec().name();
        String shown = SourceText.code(SourceText.shown(name));
        TypeSpec view = generator.view(section, skeleton.nestedClass(section.baseName()), DataSection.class, true,
                CodeBlock.of("The $L variables of $L: the memory the programs share,\n"
                        + "read and written live.\n", shown, SourceText.code(objectFile)));
        parts.add(view, section.accessorName(), "The " + shown + " variables.",
                CodeBlock.of("object.data($L)", SourceText.literal(name)));
    }

    /**
     * The parts of the loaded skeleton or of its Open phase ({@code Maps}, {@code Programs},
     * data-section views): each a static nested class, a field made in the constructor from the
     * object, and an accessor.
     */
    private static final class Parts {
        final ClassName owner;
        final List<FieldSpec> fields = new ArrayList<>();
        final List<MethodSpec> accessors = new ArrayList<>();
        final List<TypeSpec> types = new ArrayList<>();
        final MethodSpec.Builder constructor;

        /** @param object the object the owner's constructor gets, whose parts these are */
        Parts(ClassName owner, Class<?> object) {
            this.owner = owner;
            this.constructor = MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(object, "object")
                    .addStatement("super(object)");
        }

        /** Made in the constructor, not on first use, so a bad name fails at once. */
        void add(TypeSpec part, String name, String doc, CodeBlock argument) {
            ClassName type = owner.nestedClass(part.name());
            fields.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addStatement("this.$N = new $T($L)", name, type, argument);
            accessors.add(accessor(type, name, doc));
            types.add(part);
        }
    }

    private static MethodSpec accessor(TypeName type, String name, String doc) {
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addJavadoc("$L\n", doc)
                .addStatement("return $N", name)
                .build();
    }

    /** The Open phase: its parts, and {@code load()} making the skeleton. */
    private TypeSpec openClass(Parts openParts) {
        return TypeSpec.classBuilder(open)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ClassName.get(OpenSkeleton.class), skeleton))
                .addJavadoc("The Open phase: the object is parsed but not loaded, so constants can still be set\n"
                        + "and programs switched off. {@link #load()} ends it; {@link #close()} releases it\n"
                        + "unloaded.\n")
                .addFields(openParts.fields)
                .addMethod(openParts.constructor.build())
                .addMethods(openParts.accessors)
                .addMethod(MethodSpec.methodBuilder("load")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(skeleton)
                        .addJavadoc("Loads the object into the kernel and ends this Open phase.\n\n"
                                + "@throws io.bpf4j.VerifierException when the verifier rejects a program\n")
                        .addStatement("return load($T::new)", skeleton)
                        .build())
                .addTypes(openParts.types)
                .build();
    }

    private static FieldSpec constant(String name, String value, String doc) {
        return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L\n", doc)
                .initializer("$L", SourceText.literal(value))
                .build();
    }

    private CodeBlock javadoc() {
        CodeBlock.Builder doc = CodeBlock.builder()
                .add("Skeleton of the BPF object $L, generated from its ELF and BTF.\n", SourceText.code(objectFile))
                .add("\n<p>SHA-256 {@code $L},\nlicense $L.\n", spec.sha256(),
                        spec.license().isEmpty() ? "(none)" : SourceText.code(SourceText.shown(spec.license())));
        if (!spec.programs().isEmpty()) {
            doc.add("\n<p>Programs:\n<ul>\n");
            for (ProgramSpec program : spec.programs()) {
                doc.add("  <li>$L: $L\n", SourceText.code(SourceText.shown(program.name())),
                        SourceText.code("SEC(\"" + SourceText.shown(program.sectionName()) + "\")"));
            }
            doc.add("</ul>\n");
        }
        if (!spec.maps().isEmpty()) {
            doc.add("\n<p>Maps:\n<ul>\n");
            for (MapSpec map : spec.maps()) {
                // max_entries 0 is left for libbpf to set at load (one per CPU for a perf event array).
                doc.add("  <li>$L: {@code $L}, $L$L\n", MapAccessor.doc(map), MapAccessorGenerator.cName(map.type()),
                        map.maxEntries() == 0 ? "max_entries set at load" : "max_entries " + map.maxEntries(),
                        MapAccessorGenerator.flags(map));
            }
            doc.add("</ul>\n");
        }
        String simpleName = skeleton.simpleName();
        return doc.add("\n<pre>{@code\ntry ($L skel = $L.open().load()) {\n    skel.attach();\n    …\n}\n}</pre>\n",
                        simpleName, simpleName)
                .build();
    }
}
