package io.bpf4j.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After an object changed: no class file and no generated source is left, every other output is. */
class StaleJavaOutputsTest {
    @TempDir
    Path target;

    @Test
    void removesClassFilesAndGeneratedSourcesOnly() throws Exception {
        Path classes = Files.createDirectories(target.resolve("classes/com/example"));
        Files.write(classes.resolve("HelloSkel.class"), new byte[] {1});
        Files.write(classes.resolve("HelloSkel$Bss.class"), new byte[] {1});
        Files.write(classes.resolve("hello.bpf.o"), new byte[] {2});
        Files.writeString(classes.resolve("app.properties"), "x=1");
        Path generated = Files.createDirectories(target.resolve("generated-sources/annotations/com/example"));
        Files.writeString(generated.resolve("HelloSkel.java"), "class HelloSkel {}");

        int removed = StaleJavaOutputs.remove(target.resolve("classes"),
                target.resolve("generated-sources/annotations"));

        assertThat(removed).isEqualTo(2);
        assertThat(classes).isDirectoryContaining("glob:**/hello.bpf.o").isDirectoryContaining("glob:**/app.properties")
                .isDirectoryNotContaining("glob:**.class");
        assertThat(target.resolve("generated-sources/annotations")).doesNotExist();
    }

    @Test
    void missingDirectoriesAreNothingToRemove() throws Exception {
        assertThat(StaleJavaOutputs.remove(target.resolve("none"), target.resolve("nothing"))).isZero();
    }
}
