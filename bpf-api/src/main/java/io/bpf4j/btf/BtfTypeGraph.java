package io.bpf4j.btf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Checks the references between decoded types: every id must name an existing type, and no type
 * may contain itself by value (through typedefs, qualifiers, arrays, variables or members), which
 * would make its size and alignment infinite. Pointers may form cycles and are not followed.
 */
final class BtfTypeGraph {
    private static final int[] NONE = new int[0];
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
            for (int reference : references(type)) {
                if (reference < 0 || reference >= types.size()) {
                    throw new BtfFormatException("type " + type.describe() + ": refers to type "
                            + Integer.toUnsignedString(reference) + ", but the last type is ["
                            + (types.size() - 1) + "]");
                }
            }
        }
        return containmentOrder(types);
    }

    /** Every type id {@code type} refers to. */
    private static int[] references(BtfType type) {
        if (type instanceof BtfType.Ptr ptr) {
            return new int[] {ptr.targetId()};
        } else if (type instanceof BtfType.Array array) {
            return new int[] {array.elementTypeId(), array.indexTypeId()};
        } else if (type instanceof BtfType.Func func) {
            return new int[] {func.typeId()};
        } else if (type instanceof BtfType.FuncProto proto) {
            int[] ids = new int[proto.params().size() + 1];
            ids[0] = proto.returnTypeId();
            for (int i = 0; i < proto.params().size(); i++) {
                ids[i + 1] = proto.params().get(i).typeId();
            }
            return ids;
        } else if (type instanceof BtfType.DataSec dataSec) {
            return dataSec.vars().stream().mapToInt(BtfType.VarSecInfo::typeId).toArray();
        } else if (type instanceof BtfType.DeclTag tag) {
            return new int[] {tag.typeId()};
        }
        return containedTypes(type);
    }

    /** The types {@code type} contains by value: those that make up its size and alignment. */
    static int[] containedTypes(BtfType type) {
        if (type instanceof BtfType.Typedef typedef) {
            return new int[] {typedef.typeId()};
        } else if (type instanceof BtfType.Qualifier qualifier) {
            return new int[] {qualifier.typeId()};
        } else if (type instanceof BtfType.Var variable) {
            return new int[] {variable.typeId()};
        } else if (type instanceof BtfType.Array array) {
            return new int[] {array.elementTypeId()};
        } else if (type instanceof BtfType.Composite composite) {
            return composite.members().stream().mapToInt(BtfType.Member::typeId).toArray();
        }
        return NONE;
    }

    /** A depth-first post-order over containment edges; finding a type on the path is a cycle. */
    private static int[] containmentOrder(List<BtfType> types) throws BtfFormatException {
        byte[] state = new byte[types.size()];
        int[] order = new int[types.size()];
        int ordered = 0;
        // An explicit stack instead of recursion, so deep type chains cannot overflow the stack.
        Deque<Frame> path = new ArrayDeque<>();
        for (int root = 0; root < types.size(); root++) {
            if (state[root] != UNVISITED) {
                continue;
            }
            state[root] = ON_PATH;
            path.push(new Frame(root, containedTypes(types.get(root))));
            while (!path.isEmpty()) {
                Frame frame = path.peek();
                if (frame.next == frame.edges.length) {
                    path.pop();
                    state[frame.id] = DONE;
                    order[ordered++] = frame.id;
                    continue;
                }
                int child = frame.edges[frame.next++];
                if (state[child] == ON_PATH) {
                    throw new BtfFormatException("type " + types.get(child).describe()
                            + ": contains itself (through type " + types.get(frame.id).describe() + ")");
                }
                if (state[child] == UNVISITED) {
                    state[child] = ON_PATH;
                    path.push(new Frame(child, containedTypes(types.get(child))));
                }
            }
        }
        return order;
    }

    /** A type on the depth-first path and the next of its contained types to visit. */
    private static final class Frame {
        final int id;
        final int[] edges;
        int next;

        Frame(int id, int[] edges) {
            this.id = id;
            this.edges = edges;
        }
    }
}
