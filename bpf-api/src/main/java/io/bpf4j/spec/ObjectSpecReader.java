package io.bpf4j.spec;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfFormatException;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.elf.ElfSection;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Builds an {@link ObjectSpec} from ELF bytes, attaching the object's name to every problem. */
final class ObjectSpecReader {
    private ObjectSpecReader() {
    }

    static ObjectSpec read(String name, byte[] bytes) throws SpecException {
        try {
            ElfFile elf = ElfFile.parse(bytes);
            ElfSection btfSection = elf.section(".BTF")
                    .orElseThrow(() -> new ObjectProblem("missing .BTF section: compile with clang -g"));
            Btf btf = DataSecFixups.apply(Btf.parse(elf.contents(btfSection)), elf);
            return new ObjectSpec(name, sha256(bytes), license(elf), ProgramReader.read(elf),
                    MapDefinitionReader.read(btf), DataSectionReader.read(elf, btf), btf);
        } catch (ElfFormatException e) {
            throw new SpecException(name, e.getMessage(), e);
        } catch (BtfFormatException e) {
            throw new SpecException(name, "invalid .BTF section: " + e.getMessage(), e);
        } catch (ObjectProblem e) {
            throw new SpecException(name, e.getMessage(), e.getCause());
        }
    }

    /** The NUL-terminated string in section {@code license}, "" when there is no such section. */
    private static String license(ElfFile elf) {
        return elf.section("license").map(section -> {
            ByteBuffer contents = elf.contents(section);
            int end = 0;
            while (end < contents.limit() && contents.get(end) != 0) {
                end++;
            }
            byte[] text = new byte[end];
            contents.get(0, text);
            return new String(text, StandardCharsets.UTF_8);
        }).orElse("");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
