package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No SPI type in a user-facing signature ({@link SpiExposure}): over every class users see in
 * bpf-api (every package but {@code io.bpf4j.spi}, which only backends use, and the non-exported
 * {@code io.bpf4j.internal}) and bpf-test, over the generated skeletons of the golden fixtures,
 * and, to show the rule bites, over a class that breaks it on purpose ({@link SpiLeaks}).
 */
class ArchitectureTest {
    /** Where users look: bpf-api's and bpf-test's packages (bpf-native exports none). */
    private static final DescribedPredicate<JavaClass> USER_FACING = resideInAPackage("io.bpf4j..")
            .and(DescribedPredicate.not(resideInAnyPackage(SpiExposure.SPI + "..", "io.bpf4j.internal..",
                    "io.bpf4j.processor..")));

    @Test
    void noClassUsersSeeInBpfApiOrBpfTestMentionsTheSpi() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bpf4j");

        assertThat(classes.contain("io.bpf4j.object.BpfObject")).isTrue();
        assertThat(classes.contain("io.bpf4j.test.fake.FakeKernel")).as("bpf-test is checked too").isTrue();
        SpiExposure.rule(USER_FACING).check(classes);
    }

    @Test
    void noGeneratedSkeletonMentionsTheSpi(@TempDir Path dir) throws IOException {
        String[][] fixtures = {{"Opensnoop", "@BpfSkeleton(\"opensnoop.bpf.o\")"}, {"Maps", "@BpfSkeleton(\"maps.bpf.o\")"},
            {"Zoo", "@BpfSkeleton(\"zoo.bpf.o\")"}, {"AllMaps", AllMapsTest.ANNOTATION}};
        for (String[] fixture : fixtures) {
            Compilation compilation = Fixtures.compile(Fixtures.annotated(fixture[0], fixture[1]));
            assertThat(compilation).succeededWithoutWarnings();
            write(compilation, dir);
        }
        JavaClasses classes = new ClassFileImporter().importPath(dir);

        assertThat(classes.contain("p.AllMapsSkel$Maps")).isTrue();
        SpiExposure.rule(resideInAPackage("p")).check(classes);
    }

    @Test
    void theRuleNamesEveryLeakingSignatureAndNothingPrivate() {
        JavaClasses classes = new ClassFileImporter().importClasses(SpiLeaks.class, SpiLeaks.Hidden.class);

        EvaluationResult result = SpiExposure.rule(resideInAPackage("io.bpf4j.processor")).evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        String leaks = SpiLeaks.class.getName();
        assertThat(result.getFailureReport().getDetails()).containsExactlyInAnyOrder(
                leaks + " implements io.bpf4j.spi.MapHandle",
                "field " + leaks + ".object io.bpf4j.spi.LoadedObject",
                leaks + ".<init>(io.bpf4j.spi.LoadedObject) takes io.bpf4j.spi.LoadedObject",
                leaks + ".get() returns io.bpf4j.spi.MapHandle",
                leaks + ".backends() returns io.bpf4j.spi.KernelBackend",
                leaks + ".link(io.bpf4j.spi.LinkHandle) returns io.bpf4j.spi.LinkHandle",
                leaks + ".link(io.bpf4j.spi.LinkHandle) takes io.bpf4j.spi.LinkHandle",
                leaks + ".link(io.bpf4j.spi.LinkHandle) type parameter T io.bpf4j.spi.LinkHandle");
    }

    /** The class files javac wrote in memory, under {@code dir} as a class-path root. */
    private static void write(Compilation compilation, Path dir) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            String name = file.getName();
            if (file.getKind() == JavaFileObject.Kind.CLASS && name.startsWith("/CLASS_OUTPUT/")) {
                Path target = dir.resolve(name.substring("/CLASS_OUTPUT/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = file.openInputStream()) {
                    Files.write(target, in.readAllBytes());
                }
            }
        }
    }
}
