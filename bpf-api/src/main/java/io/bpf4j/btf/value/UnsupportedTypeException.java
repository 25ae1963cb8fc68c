package io.bpf4j.btf.value;

/**
 * A BTF type with no value layout: a {@code long double}, a type only forward-declared, a
 * 128-bit bitfield, a member that does not start on a byte, types nested deeper than
 * {@link ValueTypes#MAX_DEPTH}, and the like. The message says where (the type and member, as C
 * spells them, unescaped) and why; it is the one the annotation processor reports for the same
 * type.
 */
public final class UnsupportedTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message where and why, unescaped */
    public UnsupportedTypeException(String message) {
        super(message);
    }
}
