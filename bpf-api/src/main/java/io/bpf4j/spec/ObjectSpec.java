package io.bpf4j.spec;

import io.bpf4j.btf.Btf;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a compiled BPF object declares, read from its ELF file without a kernel.
 *
 * @param name the object's name, such as {@code opensnoop}
 * @param sha256 lowercase hex SHA-256 of the object's bytes
 * @param license the license string of section {@code license}, "" when there is none
 * @param programs the programs by ELF section, then by offset inside the section
 * @param maps the BTF-defined maps by offset in {@code .maps}
 * @param dataSections the data sections by ELF section order ({@code .kconfig}, which has no ELF
 *     section, last)
 * @param btf the object's BTF, with data section sizes and offsets fixed up from the ELF file
 */
public record ObjectSpec(String name, String sha256, String license, List<ProgramSpec> programs,
                         List<MapSpec> maps, List<DataSectionSpec> dataSections, Btf btf) {
    /** Copies the lists. */
    public ObjectSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(license, "license");
        programs = List.copyOf(programs);
        maps = List.copyOf(maps);
        dataSections = List.copyOf(dataSections);
        Objects.requireNonNull(btf, "btf");
    }

    /**
     * Reads a BPF object compiled by clang ({@code -target bpf -g}).
     *
     * @param name the object's name, used in error messages
     * @param elfBytes the object file's bytes
     * @throws SpecException naming the object when the bytes are not a well-formed eBPF object
     *     with BTF, or its maps, programs or data sections cannot be understood
     */
    public static ObjectSpec read(String name, byte[] elfBytes) throws SpecException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elfBytes, "elfBytes");
        return ObjectSpecReader.read(name, elfBytes);
    }

    /** The map called {@code name}. */
    public Optional<MapSpec> map(String name) {
        return maps.stream().filter(map -> map.name().equals(name)).findFirst();
    }

    /** The program called {@code name}. */
    public Optional<ProgramSpec> program(String name) {
        return programs.stream().filter(program -> program.name().equals(name)).findFirst();
    }

    /** The data section called {@code name}, such as {@code .rodata}. */
    public Optional<DataSectionSpec> dataSection(String name) {
        return dataSections.stream().filter(section -> section.name().equals(name)).findFirst();
    }
}
