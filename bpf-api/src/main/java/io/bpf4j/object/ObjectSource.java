package io.bpf4j.object;

import io.bpf4j.BpfException;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ObjectBytes;
import io.bpf4j.text.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The bytes of a compiled BPF object ({@code clang -target bpf -g}), its name and where they came
 * from, read and checked before anything is handed to a kernel: a BPF object of at most
 * {@link ElfFile#MAX_OBJECT_SIZE} bytes, judged by its size and ELF header before it is read whole
 * ({@link ObjectBytes}). The name is the object's as the kernel knows it, which names its
 * internal maps: by default the file name without {@code .bpf.o} ({@link #objectName}).
 *
 * <p>Objects may come from anywhere; what they name (files, resources) appears in messages
 * escaped ({@link Printable#escape}).
 */
public final class ObjectSource {
    private static final String BPF_SUFFIX = ".bpf.o";
    private static final String OBJECT_SUFFIX = ".o";

    private final String name;
    private final String origin;
    private final byte[] bytes;

    private ObjectSource(String name, String origin, byte[] bytes) {
        this.name = name;
        this.origin = origin;
        this.bytes = bytes;
    }

    /**
     * The object in {@code file}, named after the file ({@link #objectName}).
     *
     * @throws BpfException naming the file when it is missing, unreadable, larger than
     *     {@link ElfFile#MAX_OBJECT_SIZE} or not a BPF object
     */
    public static ObjectSource file(Path file) {
        Objects.requireNonNull(file, "file");
        String origin = "file " + Printable.escape(file.toString());
        String operation = "reading BPF object " + origin;
        try {
            return new ObjectSource(objectName(fileName(file.toString())), origin, ObjectBytes.read(file));
        } catch (ElfFormatException e) {
            throw notAnObject(operation, e);
        } catch (IOException e) {
            throw failed(operation, e);
        }
    }

    /**
     * An object already in memory, such as one embedded in another file; {@code elf} is copied.
     *
     * @param name the object's name, as the kernel should know it (e.g. {@code "opensnoop"})
     * @throws BpfException when the bytes are not a BPF object or more than
     *     {@link ElfFile#MAX_OBJECT_SIZE}
     * @throws IllegalArgumentException when {@code name} is empty
     */
    public static ObjectSource bytes(String name, byte[] elf) {
        requireName(name);
        Objects.requireNonNull(elf, "elf");
        String origin = "bytes of '" + Printable.escape(name) + "'";
        try {
            ObjectBytes.check(elf);
        } catch (ElfFormatException e) {
            throw notAnObject("reading BPF object " + origin, e);
        }
        return new ObjectSource(name, origin, elf.clone());
    }

    /**
     * The class-path resource {@code resource}, resolved like {@link Class#getResource(String)}
     * against {@code anchor} (relative to its package, or absolute with a leading {@code /}), named
     * after its file name.
     *
     * @throws BpfException naming the resource when it is missing, unreadable, too large or not a
     *     BPF object
     */
    public static ObjectSource resource(Class<?> anchor, String resource) {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(resource, "resource");
        String origin = "resource '" + Printable.escape(resource) + "' of " + anchor.getName();
        String operation = "reading BPF object " + origin;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new BpfException(operation, 0, "it is not on the class path");
            }
            return new ObjectSource(objectName(fileName(resource)), origin, ObjectBytes.read(in));
        } catch (ElfFormatException e) {
            throw notAnObject(operation, e);
        } catch (IOException e) {
            throw failed(operation, e);
        }
    }

    /**
     * {@link #resource(Class, String)}, checked to be the object whose SHA-256 is
     * {@code expectedSha256}: how a generated skeleton makes sure it opens the object it was
     * generated from.
     *
     * @param expectedSha256 lowercase hex
     * @throws BpfException when the resource is missing, unreadable, or another object
     */
    public static ObjectSource resource(Class<?> anchor, String resource, String expectedSha256) {
        Objects.requireNonNull(expectedSha256, "expectedSha256");
        ObjectSource source = resource(anchor, resource);
        String actual = source.sha256();
        if (!actual.equals(expectedSha256)) {
            throw new BpfException("reading BPF object " + source.origin, 0, "the object changed since its skeleton"
                    + " was generated (SHA-256 " + actual + ", expected " + Printable.escape(expectedSha256)
                    + "); rebuild the project");
        }
        return source;
    }

    /**
     * The same bytes under another name: the kernel names an object's internal maps after it
     * ({@code <first 8 characters of the name>.rodata}).
     *
     * @throws IllegalArgumentException when {@code name} is empty
     */
    public ObjectSource named(String name) {
        requireName(name);
        return new ObjectSource(name, origin, bytes);
    }

    /**
     * The object's name as libbpf derives it from a file name: without {@code .bpf.o} (or
     * {@code .o}), so {@code opensnoop.bpf.o} is {@code opensnoop}.
     */
    public static String objectName(String fileName) {
        if (fileName.endsWith(BPF_SUFFIX) && fileName.length() > BPF_SUFFIX.length()) {
            return fileName.substring(0, fileName.length() - BPF_SUFFIX.length());
        }
        if (fileName.endsWith(OBJECT_SUFFIX) && fileName.length() > OBJECT_SUFFIX.length()) {
            return fileName.substring(0, fileName.length() - OBJECT_SUFFIX.length());
        }
        return fileName;
    }

    /** The object's name, as the kernel will know it. */
    public String name() {
        return name;
    }

    /**
     * Where the bytes came from, for messages (escaped): {@code file /x/y.bpf.o},
     * {@code resource 'y.bpf.o' of a.B}.
     */
    public String origin() {
        return origin;
    }

    /** The object's bytes; a copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes without a copy, for the kernel that opens them (which copies what it keeps). */
    byte[] bytesUnshared() {
        return bytes;
    }

    /** The object's size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "BPF object '" + Printable.escape(name) + "' (" + origin + ", " + bytes.length + " bytes)";
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void requireName(String name) {
        if (Objects.requireNonNull(name, "name").isEmpty()) {
            throw new IllegalArgumentException("an object's name must not be empty");
        }
    }

    /** An I/O failure: its message may hold the path, which is escaped. */
    private static BpfException failed(String operation, IOException e) {
        return new BpfException(operation, 0, Printable.escape(String.valueOf(e.getMessage())), e);
    }

    /** What {@link ObjectBytes} found wrong: its messages hold only numbers and its own words. */
    private static BpfException notAnObject(String operation, ElfFormatException e) {
        return new BpfException(operation, 0, e.getMessage(), e);
    }
}
