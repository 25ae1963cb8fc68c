package io.bpf4j.fuzz;

import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real inputs the fuzzers mutate: every {@code .bpf.o} the build has written under the
 * repository (each module's {@code target}), the objects of an extra directory when one is given
 * (system property {@value #EXTRA_DIRECTORY}, e.g. the libbpf-tools objects
 * {@code build/third-party-check.sh} extracts), and for the readers the raw {@code .BTF} blob of
 * each, with the positions of the header fields the readers trust most.
 */
public final class FuzzCorpus {
    /** System property: a directory whose {@code *.bpf.o} join the corpus. */
    public static final String EXTRA_DIRECTORY = "bpf4j.fuzz.corpus";

    /** Width and position of one field of a header that a reader interprets. */
    public record Field(int offset, int width) {
    }

    /** One input: a whole object ({@code btfOnly == false}) or a raw BTF blob. */
    public record Input(String name, byte[] bytes, boolean btfOnly, List<Field> fields) {
    }

    // ELF64 header fields after e_ident: type, machine, version, entry, phoff, shoff, flags,
    // ehsize, phentsize, phnum, shentsize, shnum, shstrndx.
    private static final int[][] ELF_HEADER = {
        {16, 2}, {18, 2}, {20, 4}, {24, 8}, {32, 8}, {40, 8}, {48, 4}, {52, 2}, {54, 2}, {56, 2}, {58, 2}, {60, 2}, {62, 2},
    };
    // Elf64_Shdr: name, type, flags, addr, offset, size, link, info, addralign, entsize.
    private static final int[][] SECTION_HEADER = {
        {0, 4}, {4, 4}, {8, 8}, {16, 8}, {24, 8}, {32, 8}, {40, 4}, {44, 4}, {48, 8}, {56, 8},
    };
    // btf_header: magic, version, flags, hdr_len, type_off, type_len, str_off, str_len.
    private static final int[][] BTF_HEADER = {{0, 2}, {2, 1}, {3, 1}, {4, 4}, {8, 4}, {12, 4}, {16, 4}, {20, 4}};
    private static final int SECTION_HEADER_SIZE = 64;
    private static final List<String> FIXTURES = List.of("/fixture.bpf.o", "/extras.bpf.o", "/ctypes.bpf.o");

    private FuzzCorpus() {
    }

    /**
     * Every object under {@code repositoryRoot}'s module {@code target} directories (or bpf-api's
     * fixtures on the class path when the root is unknown) and in the extra directory, if any.
     */
    public static List<Input> objects(Path repositoryRoot) {
        List<Input> inputs = new ArrayList<>();
        if (repositoryRoot == null) {
            for (String resource : FIXTURES) {
                inputs.add(object(resource.substring(1), resource(resource)));
            }
        } else {
            for (Path object : objectsUnder(repositoryRoot, true)) {
                inputs.add(object(repositoryRoot.relativize(object).toString(), read(object)));
            }
        }
        String extra = System.getProperty(EXTRA_DIRECTORY);
        if (extra != null && !extra.isBlank()) {
            for (Path object : objectsUnder(Path.of(extra), false)) {
                inputs.add(object(object.getFileName().toString(), read(object)));
            }
        }
        return inputs;
    }

    /** The repository root Surefire passes in {@code BPF4J_REPO_ROOT}, or null outside a build. */
    public static Path repositoryRoot() {
        String root = System.getenv("BPF4J_REPO_ROOT");
        return root == null ? null : Path.of(root);
    }

    /** {@code objects}, each followed by its raw {@code .BTF} blob as an input of its own. */
    public static List<Input> withBtf(List<Input> objects) {
        List<Input> inputs = new ArrayList<>();
        for (Input object : objects) {
            inputs.add(object);
            try {
                ElfFile elf = ElfFile.parse(object.bytes());
                ByteBuffer blob = elf.contents(elf.section(".BTF").orElseThrow());
                byte[] btf = new byte[blob.remaining()];
                blob.get(btf);
                inputs.add(new Input(object.name() + " .BTF", btf, true, place(BTF_HEADER, 0)));
            } catch (ElfFormatException e) {
                throw new IllegalStateException(object.name() + " does not parse", e);
            }
        }
        return inputs;
    }

    /** An object input with the positions of its ELF, section and BTF header fields. */
    public static Input object(String name, byte[] bytes) {
        try {
            ElfFile elf = ElfFile.parse(bytes);
            ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int sectionHeaders = (int) header.getLong(40);
            List<Field> fields = new ArrayList<>(place(ELF_HEADER, 0));
            for (int i = 0; i < elf.sections().size(); i++) {
                fields.addAll(place(SECTION_HEADER, sectionHeaders + i * SECTION_HEADER_SIZE));
            }
            ElfSection btf = elf.section(".BTF").orElseThrow(() -> new IllegalStateException(name + " has no .BTF"));
            fields.addAll(place(BTF_HEADER, (int) btf.offset()));
            return new Input(name, bytes, false, List.copyOf(fields));
        } catch (ElfFormatException e) {
            throw new IllegalStateException(name + " does not parse", e);
        }
    }

    /** The {@code .bpf.o} files under {@code dir}: only in build output directories when asked. */
    private static List<Path> objectsUnder(Path dir, boolean buildOutputOnly) {
        try (Stream<Path> files = Files.walk(dir, 12)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".bpf.o"))
                    .filter(path -> !buildOutputOnly || dir.relativize(path).toString().contains("/target/"))
                    .filter(path -> !dir.relativize(path).toString().contains("fuzz-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the objects under " + dir, e);
        }
    }

    private static List<Field> place(int[][] layout, int base) {
        List<Field> fields = new ArrayList<>(layout.length);
        for (int[] field : layout) {
            fields.add(new Field(base + field[0], field[1]));
        }
        return fields;
    }

    private static byte[] read(Path object) {
        try {
            return Files.readAllBytes(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + object, e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = FuzzCorpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: the build compiles it from src/test/bpf");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
