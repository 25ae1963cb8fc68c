package io.bpf4j.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles every {@code src/test/bpf/**}{@code /*.bpf.c} into the test class output, as
 * {@code bpf4j:compile} does for {@code src/main/bpf}: BPF programs that only tests load.
 * Skipped with {@code -Dmaven.test.skip=true}, like the test sources.
 */
@Mojo(name = "test-compile", defaultPhase = LifecyclePhase.GENERATE_TEST_RESOURCES, threadSafe = true)
public class TestCompileMojo extends AbstractCompileMojo {
    /** The directory of the test BPF programs. */
    @Parameter(defaultValue = "${project.basedir}/src/test/bpf")
    private File sourceDirectory;

    /** Where the objects go. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}")
    private File outputDirectory;

    /**
     * The annotation processor's source output of the test compilation (maven-compiler-plugin's
     * {@code generatedTestSourcesDirectory}), emptied when an object changes.
     */
    @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/test-annotations")
    private File generatedSourcesDirectory;

    /** Skips this goal together with compiling and running the tests. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skipTestCompilation;

    @Override
    boolean skipped() {
        return skip || skipTestCompilation;
    }

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
        return "test";
    }
}
