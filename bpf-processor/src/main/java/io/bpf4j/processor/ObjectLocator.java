package io.bpf4j.processor;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the bytes of a BPF object at compile time. In order: the directories of processor option
 * {@value #OBJECT_DIRS} (for builds that keep objects elsewhere, and for tests), the class output
 * (where the build compiles {@code .bpf.c} before javac runs), then the class path (objects
 * shipped in a dependency).
 */
final class ObjectLocator {
    /** Processor option: directories to search first, separated by {@link File#pathSeparator}. */
    static final String OBJECT_DIRS = "bpf4j.objectDirs";

    private final Filer filer;
    private final List<Path> objectDirs = new ArrayList<>();

    ObjectLocator(Filer filer, Map<String, String> options) {
        this.filer = filer;
        String dirs = options.get(OBJECT_DIRS);
        if (dirs != null) {
            for (String dir : dirs.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    objectDirs.add(Path.of(dir));
                }
            }
        }
    }

    /**
     * The object's bytes.
     *
     * @throws GenerationException naming every place looked in, when none has the object
     */
    byte[] read(ObjectPath object) throws GenerationException {
        List<String> lookedIn = new ArrayList<>();
        for (Path dir : objectDirs) {
            Path file = dir.resolve(object.resourceName());
            lookedIn.add(file.toString());
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new GenerationException("BPF object '" + object + "' cannot be read from " + file + ": " + e, e);
                }
            }
        }
        for (StandardLocation location : List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH)) {
            byte[] bytes = readResource(location, object, lookedIn);
            if (bytes != null) {
                return bytes;
            }
        }
        throw new GenerationException("BPF object '" + object + "' not found (looked in: " + String.join(", ", lookedIn)
                + "); is its .bpf.c compiled before javac runs?");
    }

    /** The resource's bytes, or null when {@code location} does not have it. */
    private byte[] readResource(StandardLocation location, ObjectPath object, List<String> lookedIn) {
        String description = location == StandardLocation.CLASS_OUTPUT ? "class output" : "class path";
        String where = "the " + description;
        try {
            FileObject resource = filer.getResource(location, "", object.resourceName());
            where = resource.toUri() + " (" + description + ")";
            try (InputStream in = resource.openInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            // Not there, or a file manager that cannot look there: both mean "not here".
            lookedIn.add(where);
            return null;
        }
    }
}
