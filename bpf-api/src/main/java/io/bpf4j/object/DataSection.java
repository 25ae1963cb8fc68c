package io.bpf4j.object;

import io.bpf4j.btf.Btf;
import io.bpf4j.codec.Codec;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spi.LoadedObject;
import java.nio.ByteBuffer;

/**
 * A writable data section of a loaded object ({@code .bss}, {@code .data} and their
 * {@code .NAME} variants; {@link BpfObject#data(String)}): the memory the programs share, its
 * variables read and written live by name, checked as {@link OpenDataSection} checks them.
 *
 * <p>Every access reads the object's mapping anew (no system call): once the object is closed it
 * throws {@link IllegalStateException}, and a {@link #buffer()} kept from before reads the
 * section's last contents, reaching neither the programs nor the kernel.
 */
public final class DataSection extends DataSectionView {
    private final LoadedObject object;

    DataSection(DataSectionSpec spec, Btf btf, LoadedObject object) {
        super(spec, btf);
        this.object = object;
    }

    @Override
    public ByteBuffer buffer() {
        return object.data(name());
    }

    /** Sets integer or enum variable {@code variable}, range-checked for its C type. */
    public DataSection setLong(String variable, long value) {
        variables.setLong(buffer(), variable, value);
        return this;
    }

    /** Sets {@code bool} variable {@code variable}. */
    public DataSection setBoolean(String variable, boolean value) {
        variables.setBoolean(buffer(), variable, value);
        return this;
    }

    /** Sets {@code char[N]} variable {@code variable} to {@code value}'s UTF-8 bytes, NUL-filled. */
    public DataSection setString(String variable, String value) {
        variables.setString(buffer(), variable, value);
        return this;
    }

    /** Sets the bytes of {@code variable}, any type: exactly its size. */
    public DataSection setBytes(String variable, byte[] value) {
        variables.setBytes(buffer(), variable, value);
        return this;
    }

    /** Sets {@code variable} to {@code value} encoded by {@code codec}, whose size must be the variable's. */
    public <T> DataSection set(String variable, Codec<T> codec, T value) {
        variables.set(buffer(), variable, codec, value);
        return this;
    }
}
