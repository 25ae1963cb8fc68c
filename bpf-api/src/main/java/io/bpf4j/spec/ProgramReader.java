package io.bpf4j.spec;

import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfSection;
import io.bpf4j.elf.ElfSymbol;
import io.bpf4j.text.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the programs of an object: every global function of an executable section other than
 * {@code .text}, whose functions are subprograms called by programs.
 */
final class ProgramReader {
    private static final String SUBPROGRAMS = ".text";
    private static final int INSTRUCTION_SIZE = 8;

    private ProgramReader() {
    }

    /** The programs by section, then by offset inside the section. */
    static List<ProgramSpec> read(ElfFile elf) throws ObjectProblem {
        List<ProgramSpec> programs = new ArrayList<>();
        for (ElfSection section : elf.sections()) {
            if (section.isExecutable() && !section.isNoBits() && !section.name().equals(SUBPROGRAMS)) {
                SectionName sectionName = SectionName.parse(section.name());
                for (ElfSymbol function : functionsIn(elf, section)) {
                    programs.add(new ProgramSpec(function.name(), section.name(),
                            instructionCount(function, section), sectionName.kind(), sectionName.target()));
                }
            }
        }
        return programs;
    }

    /** The function symbols of {@code section}, by offset (the sort is stable for equal offsets). */
    private static List<ElfSymbol> functionsIn(ElfFile elf, ElfSection section) throws ObjectProblem {
        List<ElfSymbol> functions = new ArrayList<>();
        for (ElfSymbol symbol : elf.symbols(section)) {
            if (symbol.isFunction()) {
                if (!symbol.isGlobal() && !symbol.isWeak()) {
                    // libbpf refuses these too: a program must be visible to be found by name.
                    throw new ObjectProblem("program '" + Printable.escape(symbol.name()) + "' in section '"
                            + Printable.escape(section.name()) + "' is static: BPF programs must be global functions");
                }
                functions.add(symbol);
            }
        }
        functions.sort(Comparator.comparingLong(ElfSymbol::value));
        return functions;
    }

    private static int instructionCount(ElfSymbol function, ElfSection section) throws ObjectProblem {
        long start = function.value();
        long size = function.size();
        if (start < 0 || size < 0 || start > section.size() || size > section.size() - start
                || start % INSTRUCTION_SIZE != 0 || size % INSTRUCTION_SIZE != 0) {
            throw new ObjectProblem("program '" + Printable.escape(function.name()) + "' (offset " + start
                    + ", size " + size + ") is not a whole number of instructions inside section '"
                    + Printable.escape(section.name())
                    + "' (" + section.size() + " bytes)");
        }
        return (int) (size / INSTRUCTION_SIZE);
    }
}
