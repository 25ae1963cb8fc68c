package io.bpf4j.spec;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfSection;
import io.bpf4j.text.Printable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the global-variable data sections: ELF sections named {@code .rodata}, {@code .data} or
 * {@code .bss} (or prefixed with one of those and a dot) that BTF describes, plus {@code .kconfig}.
 * Sections BTF does not describe, such as clang's string literal pools, hold no variables.
 */
final class DataSectionReader {
    private static final String READ_ONLY = ".rodata";
    private static final List<String> DATA_SECTIONS = List.of(READ_ONLY, ".data", ".bss");

    private DataSectionReader() {
    }

    /** The data sections in ELF section order, {@code .kconfig} last. */
    static List<DataSectionSpec> read(ElfFile elf, Btf btf) throws ObjectProblem {
        List<DataSectionSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ElfSection section : elf.sections()) {
            Optional<BtfType.DataSec> dataSec = btf.dataSec(section.name());
            if (isDataSection(section.name()) && dataSec.isPresent()) {
                // Each becomes a map named after it; BTF describes only one section of a name.
                if (!names.add(section.name())) {
                    throw new ObjectProblem("section [" + section.index() + "] '" + Printable.escape(section.name())
                            + "': a second data section of that name");
                }
                specs.add(spec(btf, dataSec.get(), isDataSection(section.name(), READ_ONLY)));
            }
        }
        Optional<BtfType.DataSec> kconfig = btf.dataSec(DataSecFixups.KCONFIG);
        if (kconfig.isPresent()) {
            specs.add(spec(btf, kconfig.get(), true)); // the loader freezes it after filling it in
        }
        return specs;
    }

    private static boolean isDataSection(String name) {
        return DATA_SECTIONS.stream().anyMatch(base -> isDataSection(name, base));
    }

    private static boolean isDataSection(String name, String base) {
        return name.equals(base) || name.startsWith(base + ".");
    }

    private static DataSectionSpec spec(Btf btf, BtfType.DataSec dataSec, boolean readOnly) throws ObjectProblem {
        List<VariableSpec> variables = new ArrayList<>();
        for (BtfType.VarSecInfo info : dataSec.vars()) {
            BtfType.Var variable = DataSecFixups.variable(btf, info, dataSec.name());
            variables.add(new VariableSpec(variable.name(), info.offset(), info.size(), variable.typeId(),
                    variable.linkage() != BtfType.LINKAGE_STATIC));
        }
        return new DataSectionSpec(dataSec.name(), dataSec.size(), readOnly, variables);
    }
}
