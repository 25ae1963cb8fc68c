package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.object.BpfObject;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.object.OpenProgram;
import io.bpf4j.program.BpfProgram;
import io.bpf4j.spec.ProgramSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Generates the two {@code Programs} classes: the Open phase's, one {@link OpenProgram} per program
 * (to switch it off, or log its load: {@code open.programs().traceOpen().autoload(false)}), and the
 * loaded skeleton's, one {@link BpfProgram} per program.
 *
 * <p>A program is auto-attached by the skeleton's {@code attach()} when its section names where
 * it attaches ({@code tp/syscalls/sys_enter_write}, {@code kprobe/do_unlinkat}, …), as libbpf's
 * skeletons do: the object layer's rule, {@link ProgramSpec#autoAttaches()}. Programs whose
 * attachment needs something only the caller has (an interface for XDP and TC, a cgroup, a
 * socket, a perf event) or whose section names no target are attached explicitly with
 * {@link BpfProgram#attach()}.
 */
final class ProgramGenerator {
    private final List<ProgramSpec> programs;
    private final String objectFile;
    private final ClassName skeleton;

    ProgramGenerator(List<ProgramSpec> programs, String objectFile, ClassName skeleton) {
        this.programs = programs;
        this.objectFile = objectFile;
        this.skeleton = skeleton;
    }

    /** The loaded skeleton's {@code Programs}: a field per program, looked up when the skeleton is made. */
    TypeSpec programsClass(ClassName programsClass) {
        TypeSpec.Builder type = TypeSpec.classBuilder(programsClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The programs of $L. {@link $T#attach()} attaches those whose section\n"
                        + "names a target; attach the others with {@link $T#attach()}.\n", SourceText.code(objectFile),
                        skeleton, BpfProgram.class);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(BpfObject.class, "object");
        JavaNames.Allocator names = new JavaNames.Allocator();
        for (ProgramSpec program : programs) {
            String name = names.allocate(JavaNames.memberName(program.name()), "_");
            type.addField(FieldSpec.builder(BpfProgram.class, name, Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addStatement("this.$N = object.program($L)", name, SourceText.literal(program.name()));
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(BpfProgram.class)
                    .addJavadoc("Program $L: $L,\nkind {@code $L}; $L.\n", shownName(program), section(program),
                            program.kind(), program.autoAttaches()
                                    ? "attached by {@link " + skeleton.simpleName() + "#attach()}"
                                    : "not attached by {@link " + skeleton.simpleName()
                                            + "#attach()}: attach it yourself")
                    .addStatement("return $N", name)
                    .build());
        }
        return type.addMethod(constructor.build()).build();
    }

    /** The Open phase's {@code Programs}: an {@link OpenProgram} per program, to set before load. */
    TypeSpec openProgramsClass(ClassName programsClass) {
        TypeSpec.Builder type = TypeSpec.classBuilder(programsClass)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The programs of $L in the Open phase: {@code autoload(false)} keeps one from\n"
                        + "loading (nor is it attached by {@code attach()}), {@code logLevel} asks the verifier "
                        + "for its log.\n", SourceText.code(objectFile));
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(OpenBpfObject.class, "object");
        JavaNames.Allocator names = new JavaNames.Allocator();
        for (ProgramSpec program : programs) {
            String name = names.allocate(JavaNames.memberName(program.name()), "_");
            type.addField(FieldSpec.builder(OpenProgram.class, name, Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addStatement("this.$N = object.program($L)", name, SourceText.literal(program.name()));
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(OpenProgram.class)
                    .addJavadoc("Program $L: $L.\n", shownName(program), section(program))
                    .addStatement("return $N", name)
                    .build());
        }
        return type.addMethod(constructor.build()).build();
    }

    private static String shownName(ProgramSpec program) {
        return SourceText.code(SourceText.shown(program.name()));
    }

    private static String section(ProgramSpec program) {
        return SourceText.code("SEC(\"" + SourceText.shown(program.sectionName()) + "\")");
    }
}
