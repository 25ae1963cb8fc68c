package io.bpf4j.btf;

import java.util.List;

/**
 * Checks the references between decoded types, so that every walk over them ends, and ends soon:
 * <ul>
 *   <li>every id names an existing type;
 *   <li>no type contains itself by value (through typedefs, qualifiers, arrays, variables or
 *       members), which would make its size and alignment infinite;
 *   <li>every cycle of references passes through a named struct or union that a pointer or a
 *       function prototype refers to — the only place where C allows an incomplete type, and so
 *       the only way C can write a cycle ({@code struct list_head { struct list_head *next; }});
 *   <li>once those references are cut, no chain of references is longer than {@link Btf#MAX_DEPTH}.
 * </ul>
 * All checks walk the types with explicit stacks of at most {@link Btf#MAX_DEPTH} entries, never
 * by recursion, and allocate nothing per reference.
 */
final class BtfTypeGraph {
    private static final byte UNVISITED = 0;
    private static final byte ON_PATH = 1;
    private static final byte DONE = 2;

    private BtfTypeGraph() {
    }

    /**
     * Validates {@code types} and returns every id in an order where each type comes after the
     * types it contains by value, so layouts can be computed in one pass.
     */
    static int[] validate(List<BtfType> types) throws BtfFormatException {
        for (BtfType type : types) {
            for (int i = 0, n = referenceCount(type); i < n; i++) {
                int reference = reference(type, i);
                if (reference < 0 || reference >= types.size()) {
                    throw new BtfFormatException("type " + type.describe() + ": refers to type "
                            + Integer.toUnsignedString(reference) + ", but the last type is ["
                            + (types.size() - 1) + "]");
                }
            }
        }
        int[] order = containmentOrder(types);
        checkReferenceChains(types, incompleteTargets(types, order));
        return order;
    }

    /** How many type ids {@code type} refers to. */
    private static int referenceCount(BtfType type) {
        if (type instanceof BtfType.Array) {
            return 2;
        } else if (type instanceof BtfType.FuncProto proto) {
            return proto.params().size() + 1;
        } else if (type instanceof BtfType.DataSec dataSec) {
            return dataSec.vars().size();
        } else if (type instanceof BtfType.Ptr || type instanceof BtfType.Func || type instanceof BtfType.DeclTag) {
            return 1;
        }
        return containedCount(type);
    }

    /** Reference {@code i} of {@code type}; for an array, its element type first, then its index type. */
    private static int reference(BtfType type, int i) {
        if (type instanceof BtfType.Ptr ptr) {
            return ptr.targetId();
        } else if (type instanceof BtfType.Array array) {
            return i == 0 ? array.elementTypeId() : array.indexTypeId();
        } else if (type instanceof BtfType.Func func) {
            return func.typeId();
        } else if (type instanceof BtfType.FuncProto proto) {
            return i == 0 ? proto.returnTypeId() : proto.params().get(i - 1).typeId();
        } else if (type instanceof BtfType.DataSec dataSec) {
            return dataSec.vars().get(i).typeId();
        } else if (type instanceof BtfType.DeclTag tag) {
            return tag.typeId();
        }
        return contained(type, i);
    }

    /** How many types {@code type} contains by value: those that make up its size and alignment. */
    private static int containedCount(BtfType type) {
        if (type instanceof BtfType.Typedef || type instanceof BtfType.Qualifier || type instanceof BtfType.Var
                || type instanceof BtfType.Array) {
            return 1;
        } else if (type instanceof BtfType.Composite composite) {
            return composite.members().size();
        }
        return 0;
    }

    /** Contained type {@code i} of {@code type}. */
    private static int contained(BtfType type, int i) {
        if (type instanceof BtfType.Typedef typedef) {
            return typedef.typeId();
        } else if (type instanceof BtfType.Qualifier qualifier) {
            return qualifier.typeId();
        } else if (type instanceof BtfType.Var variable) {
            return variable.typeId();
        } else if (type instanceof BtfType.Array array) {
            return array.elementTypeId();
        }
        return ((BtfType.Composite) type).members().get(i).typeId();
    }

    /** A depth-first post-order over containment edges; finding a type on the path is a cycle. */
    private static int[] containmentOrder(List<BtfType> types) throws BtfFormatException {
        byte[] state = new byte[types.size()];
        int[] order = new int[types.size()];
        int ordered = 0;
        // A containment chain is also a chain of references, so it is held to the same limit.
        Path path = new Path(Btf.MAX_DEPTH);
        for (int root = 0; root < types.size(); root++) {
            if (state[root] != UNVISITED) {
                continue;
            }
            state[root] = ON_PATH;
            path.push(root);
            while (!path.isEmpty()) {
                int id = path.top();
                BtfType type = types.get(id);
                int next = path.nextEdge();
                if (next == containedCount(type)) {
                    path.pop();
                    state[id] = DONE;
                    order[ordered++] = id;
                    continue;
                }
                int child = contained(type, next);
                if (state[child] == ON_PATH) {
                    throw new BtfFormatException("type " + types.get(child).describe()
                            + ": contains itself (through type " + type.describe() + ")");
                }
                if (state[child] == UNVISITED) {
                    if (path.size() == Btf.MAX_DEPTH) {
                        throw tooDeep(types.get(path.bottom()));
                    }
                    state[child] = ON_PATH;
                    path.push(child);
                }
            }
        }
        return order;
    }

    /**
     * For each type, whether it is a named struct or union or a forward declaration, once typedefs
     * and qualifiers are skipped: a type that C lets a pointer or a prototype name while incomplete.
     */
    private static boolean[] incompleteTargets(List<BtfType> types, int[] containmentOrder) {
        boolean[] incomplete = new boolean[types.size()];
        for (int id : containmentOrder) { // what a typedef or qualifier names comes first
            BtfType type = types.get(id);
            if (type instanceof BtfType.Typedef typedef) {
                incomplete[id] = incomplete[typedef.typeId()];
            } else if (type instanceof BtfType.Qualifier qualifier) {
                incomplete[id] = incomplete[qualifier.typeId()];
            } else {
                incomplete[id] = type instanceof BtfType.Fwd
                        || type instanceof BtfType.Composite && !type.name().isEmpty();
            }
        }
        return incomplete;
    }

    /** Whether a walk follows reference {@code i} of {@code type}: all but those to incomplete targets. */
    private static boolean followed(BtfType type, int reference, boolean[] incompleteTargets) {
        boolean mayBeIncomplete = type instanceof BtfType.Ptr || type instanceof BtfType.FuncProto;
        return !(mayBeIncomplete && incompleteTargets[reference]);
    }

    /**
     * The longest chain of followed references from every type, by a depth-first walk that
     * remembers each type's chain length; a type met again on the path is a cycle C cannot write.
     */
    private static void checkReferenceChains(List<BtfType> types, boolean[] incompleteTargets)
            throws BtfFormatException {
        byte[] state = new byte[types.size()];
        int[] chain = new int[types.size()]; // types on the longest chain starting at each type
        Path path = new Path(Btf.MAX_DEPTH);
        for (int root = 0; root < types.size(); root++) {
            if (state[root] != UNVISITED) {
                continue;
            }
            state[root] = ON_PATH;
            path.push(root);
            while (!path.isEmpty()) {
                int id = path.top();
                BtfType type = types.get(id);
                int next = path.nextEdge();
                if (next == referenceCount(type)) {
                    path.pop();
                    state[id] = DONE;
                    chain[id] = 1 + path.popLongest();
                    if (chain[id] > Btf.MAX_DEPTH) {
                        throw tooDeep(types.get(id));
                    }
                    if (!path.isEmpty()) {
                        path.offerLongest(chain[id]);
                    }
                    continue;
                }
                int child = reference(type, next);
                if (!followed(type, child, incompleteTargets)) {
                    continue;
                }
                if (state[child] == DONE) {
                    path.offerLongest(chain[child]);
                } else if (state[child] == ON_PATH) {
                    throw new BtfFormatException("type " + types.get(child).describe() + ": refers to itself through "
                            + type.describe() + ", a cycle no C declaration can write (only a pointer or a function"
                            + " prototype naming a struct or union may close a cycle of types)");
                } else if (path.size() == Btf.MAX_DEPTH) {
                    throw tooDeep(types.get(path.bottom()));
                } else {
                    state[child] = ON_PATH;
                    path.push(child);
                }
            }
        }
    }

    private static BtfFormatException tooDeep(BtfType start) {
        return new BtfFormatException("type " + start.describe() + ": starts a chain of more than " + Btf.MAX_DEPTH
                + " type references (typedefs, qualifiers, arrays, members, pointers, prototypes), the most"
                + " this reader follows (Btf.MAX_DEPTH)");
    }

    /**
     * The depth-first path: for each type on it, the next of its edges to visit and the longest
     * chain found below it so far. Plain arrays, so a walk allocates nothing per step.
     */
    private static final class Path {
        private final int[] ids;
        private final int[] nextEdges;
        private final int[] longest;
        private int size;

        Path(int capacity) {
            ids = new int[capacity];
            nextEdges = new int[capacity];
            longest = new int[capacity];
        }

        void push(int id) {
            ids[size] = id;
            nextEdges[size] = 0;
            longest[size] = 0;
            size++;
        }

        void pop() {
            size--;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        int top() {
            return ids[size - 1];
        }

        int bottom() {
            return ids[0];
        }

        /** The next edge of the top type to visit, and moves on to the one after it. */
        int nextEdge() {
            return nextEdges[size - 1]++;
        }

        /** Records a chain of {@code length} types below the top type. */
        void offerLongest(int length) {
            longest[size - 1] = Math.max(longest[size - 1], length);
        }

        /** The longest chain below the type just popped (call right after {@link #pop()}). */
        int popLongest() {
            return longest[size];
        }
    }
}
