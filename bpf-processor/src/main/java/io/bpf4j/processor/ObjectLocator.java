package io.bpf4j.processor;

import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ObjectBytes;
import io.bpf4j.text.Printable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
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
 *
 * <p>An object is judged by its size and ELF header before it is read whole ({@link ObjectBytes}):
 * a file larger than {@link io.bpf4j.elf.ElfFile#MAX_OBJECT_SIZE}, or one that is not a BPF object,
 * is one error naming it, and costs the build no more than reading its first bytes.
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
            lookedIn.add(Printable.escape(file.toString()));
            if (Files.isRegularFile(file)) {
                return read(object, file);
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

    /** The bytes of {@code file}, which exists, once its size and header have been checked. */
    private static byte[] read(ObjectPath object, Path file) throws GenerationException {
        try {
            return ObjectBytes.read(file);
        } catch (ElfFormatException e) {
            throw unusable(object, Printable.escape(file.toString()), e);
        } catch (IOException e) {
            throw new GenerationException("BPF object '" + object + "' cannot be read from "
                    + Printable.escape(file.toString()) + ": " + e, e);
        }
    }

    /**
     * The resource's bytes, or null when {@code location} does not have it. A resource that is a
     * file is read as one (its size is known before reading); others, such as jar entries, are
     * read as a stream that stops at the limit.
     */
    private byte[] readResource(StandardLocation location, ObjectPath object, List<String> lookedIn)
            throws GenerationException {
        String description = location == StandardLocation.CLASS_OUTPUT ? "class output" : "class path";
        String where = "the " + description;
        try {
            FileObject resource = filer.getResource(location, "", object.resourceName());
            URI uri = resource.toUri();
            where = uri + " (" + description + ")";
            if ("file".equals(uri.getScheme())) {
                Path file = Path.of(uri);
                if (Files.isRegularFile(file)) {
                    return read(object, file);
                }
            }
            try (InputStream in = resource.openInputStream()) {
                return ObjectBytes.read(in);
            } catch (ElfFormatException e) {
                throw unusable(object, Printable.escape(uri.toString()), e);
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException
                 | FileSystemNotFoundException e) {
            // Not there, or a file manager that cannot look there: both mean "not here".
            lookedIn.add(Printable.escape(where));
            return null;
        }
    }

    private static GenerationException unusable(ObjectPath object, String where, ElfFormatException e) {
        return new GenerationException(object + " is not a usable BPF object: " + where + ": " + e.getMessage(), e);
    }
}
