package io.bpf4j.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles every {@code src/main/bpf/**}{@code /*.bpf.c} into a CO-RE BPF object at the same
 * relative path under the class output, {@code .bpf.c} becoming {@code .bpf.o}
 * ({@code src/main/bpf/com/example/hello.bpf.c} → {@code target/classes/com/example/hello.bpf.o}),
 * before javac runs, so that {@code @BpfSkeleton("hello.bpf.o")} on a class of
 * {@code com.example} finds it and the skeleton loads it from the class path.
 *
 * <p>clang runs with {@code -g -O2 -target bpf -D__TARGET_ARCH_xxx} (xxx for the build machine:
 * x86, arm64, ...). On the include path, with nothing to configure: the source directory, the
 * {@code includes}, a {@code vmlinux.h} written from the kernel's BTF (by bpf-api, no bpftool
 * needed), the Debian multiarch directory ({@code /usr/include/x86_64-linux-gnu}) and the
 * system's, where libbpf's {@code bpf/*.h} are (package libbpf-dev).
 *
 * <p>Up to date means no work: an object newer than everything its last compilation read (clang's
 * dependency file) and made with the same options is not compiled again, and vmlinux.h is kept
 * while the kernel's BTF and the generator are the same. When an object changes, the module's
 * class files and the processor's generated sources are removed, so javac generates the skeleton
 * again in the same build. clang's messages are logged as Maven errors and warnings, as
 * {@code FILE:LINE:COLUMN: error: message}; an error fails the build.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class CompileMojo extends AbstractCompileMojo {
    /** The directory of the BPF programs. */
    @Parameter(defaultValue = "${project.basedir}/src/main/bpf")
    private File sourceDirectory;

    /** Where the objects go. */
    @Parameter(defaultValue = "${project.build.outputDirectory}")
    private File outputDirectory;

    /**
     * The annotation processor's source output (maven-compiler-plugin's
     * {@code generatedSourcesDirectory}), emptied when an object changes.
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-sources/annotations")
    private File generatedSourcesDirectory;

    @Override
    File sourceDirectory() {
        return sourceDirectory;
    }

    @Override
    File outputDirectory() {
        return outputDirectory;
    }

    @Override
    File generatedSourcesDirectory() {
        return generatedSourcesDirectory;
    }

    @Override
    String scope() {
        return "main";
    }
}
