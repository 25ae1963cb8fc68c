package io.bpf4j.btf;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the top-level definitions of a C header so that it compiles: a type used by value (a
 * struct member, an array element, what a typedef names) is defined before its user, while a
 * struct or union reached only through a pointer needs no more than a forward declaration, which
 * is what breaks the cycles of self-referential types. The {@link CHeaderWriter} writes those
 * forward declarations and the typedefs used through pointers as it meets them.
 *
 * <p>Anonymous enums that some type refers to are defined inline there, not at the top level.
 */
final class CDeclarationOrder {
    private static final byte NOT_ORDERED = 0;
    private static final byte ORDERING = 1;
    private static final byte ORDERED = 2;

    private final Btf btf;
    private final byte[] state;
    private final boolean[] referenced;
    private List<Integer> queue;

    CDeclarationOrder(Btf btf) {
        this.btf = btf;
        this.state = new byte[btf.types().size()];
        this.state[0] = ORDERED; // void needs no definition
        this.referenced = referencedTypes(btf);
    }

    /**
     * The top-level definitions to write so that type {@code id} is defined: those not yet
     * returned by an earlier call, dependencies first, {@code id} itself last when it is one.
     *
     * @throws IllegalArgumentException when types contain each other by value, which no C
     *     declaration order can satisfy
     */
    List<Integer> definitionsFor(int id) {
        queue = new ArrayList<>();
        order(id, false);
        return queue;
    }

    /**
     * Orders {@code id}; returns whether it is now defined strongly enough for a typedef of it
     * to be written (a typedef reached through a pointer may wait until then).
     */
    private boolean order(int id, boolean throughPointer) {
        if (state[id] == ORDERED) {
            return true;
        }
        BtfType type = btf.type(id);
        if (state[id] == ORDERING) {
            if (type instanceof BtfType.Composite && throughPointer && !type.name().isEmpty()) {
                return false; // a forward declaration resolves this loop
            }
            throw new IllegalArgumentException("BTF type " + type.describe()
                    + " is part of a type cycle that no C declaration order can satisfy");
        }
        if (type instanceof BtfType.Int || type instanceof BtfType.Float) {
            state[id] = ORDERED;
            return false;
        } else if (type instanceof BtfType.Ptr ptr) {
            return order(ptr.targetId(), true);
        } else if (type instanceof BtfType.Array array) {
            // An array's elements must be complete types even behind a pointer.
            return order(array.elementTypeId(), false);
        } else if (type instanceof BtfType.Qualifier qualifier) {
            return order(qualifier.typeId(), throughPointer);
        } else if (type instanceof BtfType.Composite composite) {
            return orderComposite(composite, throughPointer);
        } else if (type instanceof BtfType.Enum || type instanceof BtfType.Fwd) {
            if (!type.name().isEmpty() || !referenced[id]) {
                queue.add(id);
            }
            state[id] = ORDERED;
            return true;
        } else if (type instanceof BtfType.Typedef typedef) {
            boolean strong = order(typedef.typeId(), throughPointer);
            if (throughPointer && !strong) {
                return false;
            }
            queue.add(id);
            state[id] = ORDERED;
            return true;
        } else if (type instanceof BtfType.FuncProto proto) {
            // A prototype that is not a definition may name incomplete types, as a pointer may.
            boolean strong = order(proto.returnTypeId(), true);
            for (BtfType.Param param : proto.params()) {
                strong |= order(param.typeId(), true);
            }
            return strong;
        }
        // Functions, variables, data sections and tags have no C type definition.
        state[id] = ORDERED;
        return false;
    }

    private boolean orderComposite(BtfType.Composite composite, boolean throughPointer) {
        boolean named = !composite.name().isEmpty();
        if (throughPointer && named) {
            return false;
        }
        state[composite.id()] = ORDERING;
        for (BtfType.Member member : composite.members()) {
            order(member.typeId(), false);
        }
        if (named) {
            queue.add(composite.id());
        }
        state[composite.id()] = ORDERED;
        return true;
    }

    /** Which types some other type refers to. */
    private static boolean[] referencedTypes(Btf btf) {
        boolean[] referenced = new boolean[btf.types().size()];
        for (BtfType type : btf.types()) {
            if (type instanceof BtfType.Ptr ptr) {
                referenced[ptr.targetId()] = true;
            } else if (type instanceof BtfType.Array array) {
                referenced[array.elementTypeId()] = true;
                referenced[array.indexTypeId()] = true;
            } else if (type instanceof BtfType.Composite composite) {
                composite.members().forEach(member -> referenced[member.typeId()] = true);
            } else if (type instanceof BtfType.Typedef typedef) {
                referenced[typedef.typeId()] = true;
            } else if (type instanceof BtfType.Qualifier qualifier) {
                referenced[qualifier.typeId()] = true;
            } else if (type instanceof BtfType.FuncProto proto) {
                referenced[proto.returnTypeId()] = true;
                proto.params().forEach(param -> referenced[param.typeId()] = true);
            } else if (type instanceof BtfType.Func func) {
                referenced[func.typeId()] = true;
            } else if (type instanceof BtfType.Var variable) {
                referenced[variable.typeId()] = true;
            } else if (type instanceof BtfType.DataSec dataSec) {
                dataSec.vars().forEach(info -> referenced[info.typeId()] = true);
            } else if (type instanceof BtfType.DeclTag tag) {
                referenced[tag.typeId()] = true;
            }
        }
        return referenced;
    }
}
