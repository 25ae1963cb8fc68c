package io.bpf4j.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes javac compile a module afresh after one of its BPF objects changed.
 *
 * <p>A skeleton is generated from its object by the annotation processor while javac compiles,
 * and it embeds the object's SHA-256. maven-compiler-plugin's incremental build only looks at
 * {@code .java} files (their time stamps against the class files, the list of sources, the class
 * path), so after a C-only edit it says "Nothing to compile" and the old skeleton stays, with
 * the old accessors and a digest the new object no longer has. Removing the module's class files
 * makes every source stale (the plugin then recompiles all of them, which it does whenever one is
 * stale), and removing the processor's generated sources leaves no skeleton of a deleted object
 * behind. Class files must go, not only sources: javac reading a skeleton from an old class file
 * while the processor generates it again fails the compilation.
 *
 * <p>The whole module and not only the skeleton: any class using a skeleton may have to change
 * with it (an accessor that went away), and only a full compilation finds out.
 */
final class StaleJavaOutputs {
    private StaleJavaOutputs() {}

    /**
     * Deletes every class file under {@code classes} and the directory {@code generatedSources}.
     *
     * @return how many class files were deleted
     */
    static int remove(Path classes, Path generatedSources) throws IOException {
        int deleted = 0;
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                List<Path> classFiles = files.filter(f -> f.getFileName().toString().endsWith(".class")
                        && Files.isRegularFile(f)).toList();
                for (Path file : classFiles) {
                    Files.delete(file);
                    deleted++;
                }
            }
        }
        if (Files.isDirectory(generatedSources)) {
            try (Stream<Path> files = Files.walk(generatedSources)) {
                for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
        return deleted;
    }
}
