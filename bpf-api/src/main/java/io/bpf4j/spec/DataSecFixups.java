package io.bpf4j.spec;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfSection;
import io.bpf4j.elf.ElfSymbol;
import io.bpf4j.text.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills in the data section sizes and variable offsets that clang leaves 0 in BTF, as libbpf does
 * when it opens an object: a section's size is its ELF section's size and a variable's offset is
 * the value of its ELF symbol. Variables end up sorted by offset.
 */
final class DataSecFixups {
    static final String KCONFIG = ".kconfig";
    private static final String KSYMS = ".ksyms";
    private static final Comparator<BtfType.VarSecInfo> BY_OFFSET = Comparator.comparingInt(BtfType.VarSecInfo::offset);

    private DataSecFixups() {
    }

    /** {@code btf} with every data section laid out from {@code elf}. */
    static Btf apply(Btf btf, ElfFile elf) throws ObjectProblem {
        List<BtfType.DataSec> fixed = new ArrayList<>();
        // BTF may name one ELF section in several data sections: index its symbols once.
        Map<Integer, Map<String, ElfSymbol>> symbolsBySection = new HashMap<>();
        for (BtfType type : btf.types()) {
            if (type instanceof BtfType.DataSec dataSec) {
                if (dataSec.name().equals(KCONFIG)) {
                    fixed.add(KconfigLayout.apply(btf, dataSec));
                } else if (!dataSec.name().equals(KSYMS)) { // kernel symbols occupy no data
                    fixed.add(fromElf(btf, elf, dataSec, symbolsBySection));
                }
            }
        }
        return btf.withDataSecs(fixed);
    }

    private static BtfType.DataSec fromElf(Btf btf, ElfFile elf, BtfType.DataSec dataSec,
                                           Map<Integer, Map<String, ElfSymbol>> symbolsBySection)
            throws ObjectProblem {
        ElfSection section = elf.section(dataSec.name())
                .orElseThrow(() -> new ObjectProblem(where(dataSec.name()) + " is in BTF but has no ELF section"));
        if (section.size() > Integer.MAX_VALUE) {
            throw new ObjectProblem(where(dataSec.name()) + ": size " + section.size() + " is too large");
        }
        // The BPF static linker already lays sections out; only clang's zero sizes need fixing.
        boolean fixOffsets = dataSec.size() == 0;
        int size = fixOffsets ? (int) section.size() : dataSec.size();
        Map<String, ElfSymbol> symbols = symbolsBySection.get(section.index());
        if (symbols == null) {
            symbols = symbolsIn(elf, section);
            symbolsBySection.put(section.index(), symbols);
        }
        List<BtfType.VarSecInfo> vars = new ArrayList<>();
        for (BtfType.VarSecInfo info : dataSec.vars()) {
            BtfType.Var variable = variable(btf, info, dataSec.name());
            ElfSymbol symbol = symbols.get(variable.name());
            long offset = info.offset();
            if (fixOffsets && symbol != null) {
                offset = symbol.value();
            } else if (fixOffsets && variable.linkage() != BtfType.LINKAGE_STATIC) {
                // Only a static variable may lack a symbol; it keeps clang's offset, as in libbpf.
                throw new ObjectProblem(where(dataSec.name()) + ": variable '" + Printable.escape(variable.name())
                        + "' has no ELF symbol to take its offset from");
            }
            if (offset < 0 || offset > size - (long) info.size()) {
                throw new ObjectProblem(where(dataSec.name()) + ": variable '" + Printable.escape(variable.name())
                        + "' (offset " + offset + ", size " + info.size() + ") lies outside the section (" + size
                        + " bytes)");
            }
            vars.add(new BtfType.VarSecInfo(info.typeId(), (int) offset, info.size()));
        }
        vars.sort(BY_OFFSET);
        return new BtfType.DataSec(dataSec.id(), dataSec.name(), size, vars);
    }

    /**
     * The variable an entry of data section {@code section} names; anything else in a data section
     * is malformed.
     */
    static BtfType.Var variable(Btf btf, BtfType.VarSecInfo info, String section) throws ObjectProblem {
        BtfType type = btf.type(info.typeId()); // in range: the BTF reader checked every reference
        if (!(type instanceof BtfType.Var variable)) {
            throw new ObjectProblem(where(section) + ": entry " + type.describe() + " is not a variable");
        }
        return variable;
    }

    /** "data section 'NAME'", for messages; built only when one is thrown, as objects have many. */
    static String where(String section) {
        return "data section '" + Printable.escape(section) + "'";
    }

    /** The symbols defined in {@code section}, by name (the first one wins). */
    private static Map<String, ElfSymbol> symbolsIn(ElfFile elf, ElfSection section) {
        Map<String, ElfSymbol> byName = new HashMap<>();
        for (ElfSymbol symbol : elf.symbols(section)) {
            if (!symbol.name().isEmpty()) {
                byName.putIfAbsent(symbol.name(), symbol);
            }
        }
        return byName;
    }
}
