package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.bpf4j.fuzz.HostileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Objects crafted to make the whole processor, not only the readers, spend as much as the format
 * allows per input byte: one large type used again and again, tens of thousands of maps or
 * variables of one definition. Each is refused with one error or generates a skeleton, within a
 * bounded allocation (72 MB at most was measured): before the limits were checked up front, a
 * 0.8 MB object of 65,535 maps made the generator allocate 115 GB.
 */
class AmplificationTest {
    /** About a megabyte: the size of the objects that needed gigabytes. */
    private static final int SIZE = 1 << 20;
    /** Allocation allowed for one object of {@link #SIZE}, compiling its skeleton included. */
    private static final long BUDGET = 256L << 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(HostileObjects.Shape.class)
    void aMegabyteOfAnyShapeIsRefusedOrGeneratedWithinABoundedAllocation(HostileObjects.Shape shape) {
        byte[] object = HostileObjects.build(shape, SIZE);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        Compilation compilation = compile(object);

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated for %s", shape).isLessThan(BUDGET);
        if (compilation.status() == Compilation.Status.FAILURE) {
            assertThat(compilation.errors()).as("errors for %s", shape).hasSize(1);
            assertThat(compilation.errors().get(0).getMessage(null)).startsWith("bpf4j: ")
                    .doesNotContain("internal error");
        }
        compilation.warnings().forEach(warning -> assertThat(warning.getMessage(null)).startsWith("bpf4j: "));
    }

    /** Like {@link io.bpf4j.processor.HostileObjects#compile}, but the processor's warnings are allowed. */
    private Compilation compile(byte[] object) {
        try {
            Path file = dir.resolve("p/hostile.bpf.o");
            Files.createDirectories(file.getParent());
            Files.write(file, object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Compiler.javac()
                .withProcessors(new SkeletonProcessor())
                .withOptions("-Xlint:all,-processing", "-A" + ObjectLocator.OBJECT_DIRS + "=" + dir)
                .compile(Fixtures.annotated("Hostile", "@BpfSkeleton(\"hostile.bpf.o\")"));
    }
}
