package io.bpf4j.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.bpf4j.program.BpfProgram;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.ProgramSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates the {@code Program} enum (to switch programs off in the Open phase) and the
 * {@code Programs} class of a loaded skeleton, one {@link BpfProgram} per program.
 *
 * <p>A program is auto-attached by the skeleton's {@code attach()} when its section names where
 * it attaches ({@code tp/syscalls/sys_enter_write}, {@code kprobe/do_unlinkat}, …), as libbpf's
 * skeletons do. Programs whose attachment needs something only the caller has (an interface for
 * XDP and TC, a cgroup, a socket, a perf event) or whose section names no target are attached
 * explicitly with {@link BpfProgram#attach()}.
 */
final class ProgramGenerator {
    /** Kinds that attach by themselves when their section names a target. */
    private static final Set<ProgramKind> ATTACH_BY_TARGET = EnumSet.of(
            ProgramKind.TRACEPOINT, ProgramKind.RAW_TRACEPOINT, ProgramKind.TP_BTF,
            ProgramKind.KPROBE, ProgramKind.KRETPROBE, ProgramKind.KPROBE_MULTI, ProgramKind.KRETPROBE_MULTI,
            ProgramKind.KSYSCALL, ProgramKind.KRETSYSCALL,
            ProgramKind.UPROBE, ProgramKind.URETPROBE, ProgramKind.UPROBE_MULTI, ProgramKind.URETPROBE_MULTI,
            ProgramKind.USDT, ProgramKind.FENTRY, ProgramKind.FEXIT, ProgramKind.FMOD_RET, ProgramKind.LSM,
            ProgramKind.ITER);

    private final List<ProgramSpec> programs;
    private final String objectFile;

    ProgramGenerator(List<ProgramSpec> programs, String objectFile) {
        this.programs = programs;
        this.objectFile = objectFile;
    }

    /** Whether {@code attach()} attaches the program. */
    static boolean autoAttach(ProgramSpec program) {
        return ATTACH_BY_TARGET.contains(program.kind()) && !program.attachTarget().isEmpty();
    }

    /** The enum naming each program, for {@code Open.autoload}. */
    TypeSpec programEnum(ClassName enumClass) {
        TypeSpec.Builder type = TypeSpec.enumBuilder(enumClass)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("The programs of $L, to choose which load with {@link Open#autoload}.\n",
                        SourceText.code(objectFile))
                .addField(String.class, "programName", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "programName")
                        .addStatement("this.programName = programName")
                        .build())
                .addMethod(MethodSpec.methodBuilder("programName")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("The program's name in the object: its C function name.\n")
                        .addStatement("return programName")
                        .build());
        JavaNames.Allocator names = new JavaNames.Allocator();
        for (ProgramSpec program : programs) {
            type.addEnumConstant(names.allocate(JavaNames.constantName(program.name()), "_"),
                    TypeSpec.anonymousClassBuilder("$L", SourceText.literal(program.name()))
                            .addJavadoc("$L.\n", SourceText.code("SEC(\"" + SourceText.shown(program.sectionName())
                                    + "\") " + SourceText.shown(program.name())))
                            .build());
        }
        return type.build();
    }

    /** The {@code Programs} class: a field per program, made when the skeleton is. */
    TypeSpec programsClass(ClassName programsClass, ClassName skeleton) {
        TypeSpec.Builder type = TypeSpec.classBuilder(programsClass)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The programs of $L. {@link $T#attach()} attaches those whose section\n"
                        + "names a target; attach the others with {@link $T#attach()}.\n", SourceText.code(objectFile),
                        skeleton,
                        BpfProgram.class)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        JavaNames.Allocator names = new JavaNames.Allocator();
        // An accessor named "program" would hide LoadedSkeleton.program from the initializers.
        names.reserve("program");
        for (ProgramSpec program : programs) {
            String name = names.allocate(JavaNames.memberName(program.name()), "_");
            boolean autoAttach = autoAttach(program);
            // Made eagerly: creating the BpfProgram is what registers it for attach().
            type.addField(FieldSpec.builder(BpfProgram.class, name, Modifier.PRIVATE, Modifier.FINAL)
                    .initializer("program($L,$W$L,$W$T.$L,$W$L)", SourceText.literal(program.name()),
                            SourceText.literal(program.sectionName()), ProgramKind.class, program.kind().name(),
                            autoAttach)
                    .build());
            type.addMethod(MethodSpec.methodBuilder(name)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(BpfProgram.class)
                    .addJavadoc("Program $L: $L,\nkind {@code $L}; $L.\n",
                            SourceText.code(SourceText.shown(program.name())),
                            SourceText.code("SEC(\"" + SourceText.shown(program.sectionName()) + "\")"), program.kind(),
                            autoAttach ? "attached by {@link " + skeleton.simpleName() + "#attach()}"
                                    : "not attached by {@link " + skeleton.simpleName()
                                            + "#attach()}: attach it yourself")
                    .addStatement("return $N", name)
                    .build());
        }
        return type.build();
    }
}
