package io.bpf4j.spec;

import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import io.bpf4j.elf.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real inputs the fuzzer mutates: every {@code .bpf.o} the build has written under the
 * repository (each module's {@code target}), and the raw {@code .BTF} blob of each, with the
 * positions of the header fields the readers trust most.
 */
final class FuzzCorpus {
    /** Width and position of one field of a header that a reader interprets. */
    record Field(int offset, int width) {
    }

    /** One input: a whole object ({@code btfOnly == false}) or a raw BTF blob. */
    record Input(String name, byte[] bytes, boolean btfOnly, List<Field> fields) {
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

    private FuzzCorpus() {
    }

    /**
     * Every object under {@code repositoryRoot}'s module {@code target} directories, or the
     * fixtures on the class path when the root is unknown; two inputs per object.
     */
    static List<Input> load(Path repositoryRoot) throws ElfFormatException {
        List<Input> inputs = new ArrayList<>();
        if (repositoryRoot == null) {
            for (String resource : List.of(Fixtures.FIXTURE, Fixtures.EXTRAS, "/ctypes.bpf.o")) {
                addObject(inputs, resource, Fixtures.read(resource));
            }
            return inputs;
        }
        for (Path object : builtObjects(repositoryRoot)) {
            addObject(inputs, repositoryRoot.relativize(object).toString(), read(object));
        }
        return inputs;
    }

    /** The {@code .bpf.o} files in the build output of every module. */
    private static List<Path> builtObjects(Path repositoryRoot) {
        try (Stream<Path> files = Files.walk(repositoryRoot, 12)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".bpf.o"))
                    .filter(path -> repositoryRoot.relativize(path).toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the objects under " + repositoryRoot, e);
        }
    }

    private static void addObject(List<Input> inputs, String name, byte[] bytes) throws ElfFormatException {
        ElfFile elf = ElfFile.parse(bytes);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int sectionHeaders = (int) header.getLong(40);
        List<Field> fields = new ArrayList<>(place(ELF_HEADER, 0));
        for (int i = 0; i < elf.sections().size(); i++) {
            fields.addAll(place(SECTION_HEADER, sectionHeaders + i * SECTION_HEADER_SIZE));
        }
        ElfSection btf = elf.section(".BTF").orElseThrow();
        fields.addAll(place(BTF_HEADER, (int) btf.offset()));
        inputs.add(new Input(name, bytes, false, List.copyOf(fields)));

        ByteBuffer blob = elf.contents(btf);
        byte[] btfBytes = new byte[blob.remaining()];
        blob.get(btfBytes);
        inputs.add(new Input(name + " .BTF", btfBytes, true, place(BTF_HEADER, 0)));
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
}
