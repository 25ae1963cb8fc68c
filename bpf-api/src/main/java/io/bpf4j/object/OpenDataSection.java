package io.bpf4j.object;

import io.bpf4j.btf.Btf;
import io.bpf4j.codec.Codec;
import io.bpf4j.spec.DataSectionSpec;
import java.nio.ByteBuffer;

/**
 * A data section of an object in the Open phase ({@link OpenBpfObject#rodata()},
 * {@link OpenBpfObject#data(String)}): its variables' initial values, read and set by name before
 * load. What the section holds at {@link OpenBpfObject#load()} is what the programs start with; a
 * {@code .rodata} constant cannot change afterwards (the verifier has used it).
 *
 * <p>Setters check the value against the variable's C type before anything is written:
 * {@link #setLong} an integer in the C type's range (a {@code __u32} takes 0 to 4294967295), {@link
 * #setBoolean} a {@code bool}, {@link #setString} a {@code char[N]} (its UTF-8 bytes, cut at a whole
 * character, NUL-filled), {@link #setBytes} exactly the variable's size, {@link #set(String, Codec,
 * Object)} a codec of its size. A refused value is an {@link IllegalArgumentException} naming the
 * variable; nothing is written.
 *
 * <p>Thread-safe; once the object is loaded or closed, every access throws
 * {@link IllegalStateException} naming the operation.
 */
public final class OpenDataSection extends DataSectionView {
    private final OpenBpfObject object;

    OpenDataSection(DataSectionSpec spec, Btf btf, OpenBpfObject object) {
        super(spec, btf);
        this.object = object;
    }

    /**
     * {@inheritDoc} Its contents at load are what the programs start with; the typed setters are
     * safe against a concurrent load, writes through this buffer are not.
     */
    @Override
    public ByteBuffer buffer() {
        return object.withInitialData(name(), buffer -> buffer);
    }

    /** Sets integer or enum variable {@code variable}, range-checked for its C type. */
    public OpenDataSection setLong(String variable, long value) {
        object.writeInitialData(name(), buffer -> variables.setLong(buffer, variable, value));
        return this;
    }

    /** Sets {@code bool} variable {@code variable}. */
    public OpenDataSection setBoolean(String variable, boolean value) {
        object.writeInitialData(name(), buffer -> variables.setBoolean(buffer, variable, value));
        return this;
    }

    /** Sets {@code char[N]} variable {@code variable} to {@code value}'s UTF-8 bytes, NUL-filled. */
    public OpenDataSection setString(String variable, String value) {
        object.writeInitialData(name(), buffer -> variables.setString(buffer, variable, value));
        return this;
    }

    /** Sets the bytes of {@code variable}, any type: exactly its size. */
    public OpenDataSection setBytes(String variable, byte[] value) {
        object.writeInitialData(name(), buffer -> variables.setBytes(buffer, variable, value));
        return this;
    }

    /** Sets {@code variable} to {@code value} encoded by {@code codec}, whose size must be the variable's. */
    public <T> OpenDataSection set(String variable, Codec<T> codec, T value) {
        object.writeInitialData(name(), buffer -> variables.set(buffer, variable, codec, value));
        return this;
    }
}
