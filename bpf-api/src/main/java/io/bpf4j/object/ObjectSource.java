package io.bpf4j.object;

import io.bpf4j.BpfException;
import io.bpf4j.text.Printable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The bytes of a compiled BPF object ({@code clang -target bpf -g}), its name and where they came
 * from, read and checked before anything is handed to a kernel: an ELF file of at most
 * {@link #MAX_SIZE} bytes. The name is the object's as the kernel knows it, which names its
 * internal maps: by default the file name without {@code .bpf.o} ({@link #objectName}).
 *
 * <p>Objects may come from anywhere; what they name (files, resources) appears in messages
 * escaped ({@link Printable#escape}).
 */
public final class ObjectSource {
    /**
     * The largest object read: 256 MiB, far more than any BPF object (their BTF, the largest part,
     * is a few MiB for the biggest tools); a larger file is refused before it is read whole.
     */
    public static final long MAX_SIZE = 256L << 20;

    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
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
     *     {@link #MAX_SIZE} or not an ELF file
     */
    public static ObjectSource file(Path file) {
        Objects.requireNonNull(file, "file");
        String origin = "file " + Printable.escape(file.toString());
        String operation = "reading BPF object " + origin;
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > MAX_SIZE) {
                throw tooLarge(operation, size);
            }
            return new ObjectSource(objectName(fileName(file.toString())), origin, read(in, operation));
        } catch (IOException e) {
            throw new BpfException(operation, 0, Printable.escape(String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * An object already in memory, such as one embedded in another file; {@code elf} is copied.
     *
     * @param name the object's name, as the kernel should know it (e.g. {@code "opensnoop"})
     * @throws BpfException when the bytes are not an ELF file or larger than {@link #MAX_SIZE}
     * @throws IllegalArgumentException when {@code name} is empty
     */
    public static ObjectSource bytes(String name, byte[] elf) {
        requireName(name);
        Objects.requireNonNull(elf, "elf");
        String origin = "bytes of '" + Printable.escape(name) + "'";
        String operation = "reading BPF object " + origin;
        if (elf.length > MAX_SIZE) {
            throw tooLarge(operation, elf.length);
        }
        checkMagic(elf, elf.length, operation);
        return new ObjectSource(name, origin, elf.clone());
    }

    /**
     * The class-path resource {@code resource}, resolved like {@link Class#getResource(String)}
     * against {@code anchor} (relative to its package, or absolute with a leading {@code /}), named
     * after its file name.
     *
     * @throws BpfException naming the resource when it is missing, unreadable, too large or not ELF
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
            return new ObjectSource(objectName(fileName(resource)), origin, read(in, operation));
        } catch (IOException e) {
            throw new BpfException(operation, 0, Printable.escape(String.valueOf(e.getMessage())), e);
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

    /** Reads at most {@link #MAX_SIZE} bytes, checking the ELF magic before reading the rest. */
    private static byte[] read(InputStream in, String operation) throws IOException {
        byte[] head = in.readNBytes(ELF_MAGIC.length);
        checkMagic(head, head.length, operation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head);
        byte[] chunk = new byte[64 * 1024];
        long total = head.length;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > MAX_SIZE) {
                throw tooLarge(operation, total);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static void checkMagic(byte[] bytes, int length, String operation) {
        if (length < ELF_MAGIC.length || !Arrays.equals(bytes, 0, ELF_MAGIC.length, ELF_MAGIC, 0, ELF_MAGIC.length)) {
            throw new BpfException(operation, 0, "it is not an ELF file (a BPF object starts with \\x7fELF)");
        }
    }

    private static BpfException tooLarge(String operation, long size) {
        return new BpfException(operation, 0, "it has " + (size > MAX_SIZE ? "more than " + MAX_SIZE : size)
                + " bytes, more than a BPF object (at most " + MAX_SIZE + " bytes are read)");
    }
}
