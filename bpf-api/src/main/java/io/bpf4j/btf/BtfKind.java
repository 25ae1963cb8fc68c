package io.bpf4j.btf;

/** The kind of a BTF type, by the number BTF encodes it with. */
public enum BtfKind {
    /** Type id 0, the {@code void} type; never encoded in the type section. */
    VOID(0),
    /** An integer, character or boolean. */
    INT(1),
    /** A pointer. */
    PTR(2),
    /** A fixed-length array. */
    ARRAY(3),
    /** A struct. */
    STRUCT(4),
    /** A union. */
    UNION(5),
    /** An enum with 32-bit values. */
    ENUM(6),
    /** A forward declaration of a struct or union. */
    FWD(7),
    /** A typedef. */
    TYPEDEF(8),
    /** The {@code volatile} qualifier. */
    VOLATILE(9),
    /** The {@code const} qualifier. */
    CONST(10),
    /** The {@code restrict} qualifier. */
    RESTRICT(11),
    /** A function (program or subprogram). */
    FUNC(12),
    /** A function signature. */
    FUNC_PROTO(13),
    /** A global or static variable. */
    VAR(14),
    /** A data section and the variables in it. */
    DATASEC(15),
    /** A floating-point number. */
    FLOAT(16),
    /** A declaration tag ({@code __attribute__((btf_decl_tag))}). */
    DECL_TAG(17),
    /** A type tag ({@code __attribute__((btf_type_tag))}), such as {@code __user}. */
    TYPE_TAG(18),
    /** An enum with 64-bit values. */
    ENUM64(19);

    private static final BtfKind[] BY_ID = values();

    private final int id;

    BtfKind(int id) {
        this.id = id;
    }

    /** The number BTF encodes this kind with. */
    public int id() {
        return id;
    }

    /** Whether this kind qualifies another type without changing its layout. */
    public boolean isQualifier() {
        return this == VOLATILE || this == CONST || this == RESTRICT || this == TYPE_TAG;
    }

    /**
     * The kind encoded as {@code id}.
     *
     * @throws IllegalArgumentException naming the number when no kind has it
     */
    public static BtfKind of(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("unknown BTF kind " + id + " (known kinds are 0 to "
                    + (BY_ID.length - 1) + ")");
        }
        return BY_ID[id];
    }
}
