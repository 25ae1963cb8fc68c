package io.bpf4j.spec;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.BtfType;
import io.bpf4j.text.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays out the {@code .kconfig} data section, which has no ELF section: the loader fills it with
 * the kernel configuration values of its {@code extern ... __kconfig} variables. The order is
 * libbpf's, so offsets match the map it creates: by decreasing alignment, then increasing size,
 * then name, each variable at the next offset its alignment allows.
 */
final class KconfigLayout {
    private KconfigLayout() {
    }

    /** An extern with the size and alignment of its type. */
    private record Extern(BtfType.VarSecInfo info, String name, long size, int alignment) {
    }

    static BtfType.DataSec apply(Btf btf, BtfType.DataSec dataSec) throws ObjectProblem {
        String where = DataSecFixups.where(dataSec.name());
        List<Extern> externs = new ArrayList<>();
        for (BtfType.VarSecInfo info : dataSec.vars()) {
            BtfType.Var variable = DataSecFixups.variable(btf, info, dataSec.name());
            try {
                externs.add(new Extern(info, variable.name(), btf.sizeOf(variable.typeId()),
                        btf.alignOf(variable.typeId())));
            } catch (IllegalArgumentException e) {
                throw new ObjectProblem(where + ": extern '" + Printable.escape(variable.name()) + "': "
                        + e.getMessage(), e);
            }
        }
        externs.sort(Comparator.comparingInt(Extern::alignment).reversed()
                .thenComparingLong(Extern::size)
                .thenComparing(Extern::name));
        List<BtfType.VarSecInfo> vars = new ArrayList<>();
        long end = 0;
        for (Extern extern : externs) {
            long offset = (end + extern.alignment() - 1) / extern.alignment() * extern.alignment();
            end = offset + extern.size();
            if (end > Integer.MAX_VALUE) {
                throw new ObjectProblem(where + ": extern '" + Printable.escape(extern.name()) + "' does not fit in "
                        + Integer.MAX_VALUE + " bytes");
            }
            vars.add(new BtfType.VarSecInfo(extern.info().typeId(), (int) offset, (int) extern.size()));
        }
        return new BtfType.DataSec(dataSec.id(), dataSec.name(), (int) end, vars);
    }
}
