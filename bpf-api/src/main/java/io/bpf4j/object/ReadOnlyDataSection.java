package io.bpf4j.object;

import io.bpf4j.btf.Btf;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spi.LoadedObject;
import java.nio.ByteBuffer;

/** A read-only section of a loaded object ({@code .rodata*}, {@code .kconfig}): getters only. */
final class ReadOnlyDataSection extends DataSectionView {
    private final LoadedObject object;

    ReadOnlyDataSection(DataSectionSpec spec, Btf btf, LoadedObject object) {
        super(spec, btf);
        this.object = object;
    }

    @Override
    public ByteBuffer buffer() {
        return object.data(name());
    }
}
