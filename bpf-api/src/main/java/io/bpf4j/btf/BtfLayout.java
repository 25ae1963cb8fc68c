package io.bpf4j.btf;

import java.util.List;

/**
 * Sizes, alignments and typedef resolution of BTF types, following the BPF target's C ABI:
 * pointers are 8 bytes and scalars are aligned to their size, at most 8. All three are computed
 * once for every type, in containment order, so queries take constant time and even a hostile
 * type graph (long typedef chains, structs sharing members) costs linear time to build.
 */
final class BtfLayout {
    private static final int POINTER_SIZE = 8;
    private static final long NO_SIZE = -1;
    private static final long OVERFLOW = -2;
    private static final int NO_ALIGNMENT = 0;

    private final List<BtfType> types;
    private final long[] sizes;
    private final int[] alignments;
    private final int[] resolved;

    /**
     * @param types validated types
     * @param containmentOrder every id, each after the types it contains (see {@link BtfTypeGraph})
     */
    BtfLayout(List<BtfType> types, int[] containmentOrder) {
        this.types = types;
        this.sizes = new long[types.size()];
        this.alignments = new int[types.size()];
        this.resolved = new int[types.size()];
        for (int id : containmentOrder) {
            BtfType type = types.get(id);
            sizes[id] = size(type);
            alignments[id] = alignment(type);
            resolved[id] = resolution(type);
        }
    }

    /** The valid type id {@code id} with typedefs and qualifiers skipped; see {@link Btf#resolve(int)}. */
    int resolve(int id) {
        return resolved[id];
    }

    /** Size in bytes of the valid type id {@code id}; see {@link Btf#sizeOf(int)}. */
    long sizeOf(int id) {
        long size = sizes[id];
        if (size == OVERFLOW) {
            throw new IllegalArgumentException("BTF type " + types.get(id).describe() + ": size overflows");
        }
        if (size == NO_SIZE) {
            BtfType unsized = firstUnsized(id);
            throw new IllegalArgumentException("BTF type " + unsized.describe() + " has no size"
                    + (unsized.id() == id ? "" : " (reached from " + types.get(id).describe() + ")"));
        }
        return size;
    }

    /** Alignment in bytes of the valid type id {@code id}; see {@link Btf#alignOf(int)}. */
    int alignOf(int id) {
        int alignment = alignments[id];
        if (alignment == NO_ALIGNMENT) {
            throw new IllegalArgumentException("BTF type " + types.get(id).describe()
                    + " has no alignment: it is or contains void, a forward declaration, a function"
                    + " or a data section");
        }
        return alignment;
    }

    /** The size of {@code type}, given those of the types it contains. */
    private long size(BtfType type) {
        if (type instanceof BtfType.Int integer) {
            return integer.size();
        } else if (type instanceof BtfType.Enum enumeration) {
            return enumeration.size();
        } else if (type instanceof BtfType.Float floating) {
            return floating.size();
        } else if (type instanceof BtfType.Composite composite) {
            return composite.size();
        } else if (type instanceof BtfType.DataSec dataSec) {
            return dataSec.size();
        } else if (type instanceof BtfType.Ptr) {
            return POINTER_SIZE;
        } else if (type instanceof BtfType.Array array) {
            long element = sizes[array.elementTypeId()];
            if (element < 0) {
                return element; // NO_SIZE or OVERFLOW carries over
            }
            return element != 0 && array.length() > Long.MAX_VALUE / element ? OVERFLOW : element * array.length();
        }
        int wrapped = wrappedType(type);
        return wrapped < 0 ? NO_SIZE : sizes[wrapped];
    }

    /**
     * The alignment of {@code type}, given those of the types it contains; arrays, typedefs,
     * qualifiers and variables are aligned like what they wrap.
     */
    private int alignment(BtfType type) {
        if (type instanceof BtfType.Int integer) {
            return scalarAlignment(integer.size());
        } else if (type instanceof BtfType.Enum enumeration) {
            return scalarAlignment(enumeration.size());
        } else if (type instanceof BtfType.Float floating) {
            return scalarAlignment(floating.size());
        } else if (type instanceof BtfType.Ptr) {
            return POINTER_SIZE;
        } else if (type instanceof BtfType.Composite composite) {
            return compositeAlignment(composite);
        } else if (type instanceof BtfType.Array array) {
            return alignments[array.elementTypeId()];
        }
        int wrapped = wrappedType(type);
        return wrapped < 0 ? NO_ALIGNMENT : alignments[wrapped];
    }

    /** The type a typedef or qualifier names, or the type itself. */
    private int resolution(BtfType type) {
        if (type instanceof BtfType.Typedef typedef) {
            return resolved[typedef.typeId()];
        } else if (type instanceof BtfType.Qualifier qualifier) {
            return resolved[qualifier.typeId()];
        }
        return type.id();
    }

    /** The type a typedef, qualifier or variable wraps without changing its layout; -1 for others. */
    private static int wrappedType(BtfType type) {
        if (type instanceof BtfType.Typedef typedef) {
            return typedef.typeId();
        } else if (type instanceof BtfType.Qualifier qualifier) {
            return qualifier.typeId();
        } else if (type instanceof BtfType.Var variable) {
            return variable.typeId();
        }
        return -1;
    }

    private static final int MAX_SCALAR_ALIGNMENT = 16;

    /** Scalars are naturally aligned on the BPF target, {@code __int128} included (16, not 8). */
    private static int scalarAlignment(int size) {
        return size == 0 ? NO_ALIGNMENT : Math.min(size, MAX_SCALAR_ALIGNMENT);
    }

    /**
     * The largest member alignment, or 1 when the struct is evidently packed: a member sits at an
     * offset its alignment does not allow, or the size is not a multiple of the alignment.
     */
    private int compositeAlignment(BtfType.Composite composite) {
        int largest = 1;
        boolean packed = false;
        for (BtfType.Member member : composite.members()) {
            int alignment = alignments[member.typeId()];
            if (alignment == NO_ALIGNMENT) {
                return NO_ALIGNMENT;
            }
            largest = Math.max(largest, alignment);
            packed |= !member.isBitfield() && member.bitOffset() % (8L * alignment) != 0;
        }
        return packed || composite.size() % largest != 0 ? 1 : largest;
    }

    /** Follows arrays and wrappers from {@code id} to the type that has no size, for messages. */
    private BtfType firstUnsized(int id) {
        BtfType type = types.get(id);
        while (true) {
            int next = type instanceof BtfType.Array array ? array.elementTypeId() : wrappedType(type);
            if (next < 0) {
                return type; // chains end: validation ruled out cycles
            }
            type = types.get(next);
        }
    }
}
