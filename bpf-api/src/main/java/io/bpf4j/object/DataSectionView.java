package io.bpf4j.object;

import io.bpf4j.btf.Btf;
import io.bpf4j.btf.value.BtfCodec;
import io.bpf4j.btf.value.BtfValue;
import io.bpf4j.codec.Codec;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.VariableSpec;
import io.bpf4j.text.Printable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * A data section's global variables read by name ({@code .rodata}, {@code .data}, {@code .bss},
 * their {@code .NAME} variants, {@code .kconfig}), each checked against its BTF type. Subclasses
 * add the setters where a section can be written: {@link OpenDataSection} before load,
 * {@link DataSection} for the writable sections of a loaded object; a read-only section after load
 * ({@code .rodata}, {@code .kconfig}) is only this view, so setting it does not compile.
 *
 * <p>The typed getters take the variable's C type as it is: {@link #getLong} any C integer or enum
 * (a {@code u32} as a non-negative {@code long}, a {@code u64} as its 64 bits), {@link #getBoolean}
 * a {@code bool}, {@link #getString} a {@code char[N]} (text up to its first NUL); {@link #getBytes}
 * and {@link #get(String, Codec)} any variable, the codec having its size; {@link #get(String)} any
 * variable whose type has a value layout, as a {@link BtfValue}. A name the section does
 * not have, or a getter that does not fit the type, is an {@link IllegalArgumentException} naming the
 * variable and its type.
 */
public abstract class DataSectionView {
    private final DataSectionSpec spec;
    final Variables variables;

    DataSectionView(DataSectionSpec spec, Btf btf) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.variables = new Variables(spec, btf);
    }

    /** The section's name, such as {@code .rodata}. */
    public final String name() {
        return spec.name();
    }

    /** What the object declares about the section: its size and every variable. */
    public final DataSectionSpec spec() {
        return spec;
    }

    /** The global variables, by offset: those this view reads by name. */
    public final List<VariableSpec> variables() {
        return List.copyOf(variables.variables().values());
    }

    /**
     * The section's memory in native byte order, the variables at their offsets ({@link #spec()}),
     * a new buffer over the same memory on each call. Before load it is the section's initial
     * value, a copy the load takes over; after load the memory the programs share, read-only for
     * read-only sections. A buffer kept past the object's close (or past load, before load) is safe
     * to use but no longer reaches the object.
     *
     * @throws IllegalStateException once the object is closed (or, before load, loaded)
     */
    public abstract ByteBuffer buffer();

    /**
     * Integer or enum variable {@code variable}, widened to a {@code long}: unsigned ones are never
     * negative, but for a {@code u64}, whose 64 bits the {@code long} holds.
     */
    public final long getLong(String variable) {
        return variables.getLong(buffer(), variable);
    }

    /** {@code bool} variable {@code variable}. */
    public final boolean getBoolean(String variable) {
        return variables.getBoolean(buffer(), variable);
    }

    /** {@code char[N]} variable {@code variable} as UTF-8 text up to its first NUL. */
    public final String getString(String variable) {
        return variables.getString(buffer(), variable);
    }

    /** The bytes of {@code variable}, any type; a copy. */
    public final byte[] getBytes(String variable) {
        return variables.getBytes(buffer(), variable);
    }

    /**
     * {@code variable} decoded by the runtime codec of its BTF type ({@link BtfCodec}, the layout
     * generated records have): a {@link io.bpf4j.btf.value.StructValue} for a struct, an
     * {@link io.bpf4j.btf.value.IntegerValue} for an integer, and so on, for code that knows the
     * object only by name.
     *
     * @throws IllegalArgumentException when the section has no such variable, or its type has no
     *     value layout (a {@code long double}; read it with {@link #getBytes})
     */
    public final BtfValue get(String variable) {
        return variables.get(buffer(), variable);
    }

    /**
     * {@code variable} decoded by {@code codec}, whose size must be the variable's (any type: a
     * generated record's {@code CODEC}, a {@link io.bpf4j.codec.Codecs} scalar).
     */
    public final <T> T get(String variable, Codec<T> codec) {
        return variables.get(buffer(), variable, codec);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + Printable.escape(name()) + ", " + spec.size()
                + " bytes]";
    }
}
