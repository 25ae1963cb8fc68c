package io.bpf4j.btf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hand-written BTF: malformed blobs are rejected by id, and hostile type graphs stay cheap. */
class BtfFormatTest {

    @Test
    void rejectsBadHeaders() {
        assertRejected(ByteBuffer.allocate(10), "truncated BTF header: 10 bytes, need 24");
        assertRejected(header(blob -> blob.putShort(0, (short) 0x1234)), "bad BTF magic 0x1234, expected 0xeb9f");
        assertRejected(header(blob -> blob.putShort(0, (short) 0x9feb)), "big-endian BTF is not supported");
        assertRejected(header(blob -> blob.put(2, (byte) 2)), "unsupported BTF version 2, expected 1");
        assertRejected(header(blob -> blob.putInt(4, 8)), "BTF header length 8 is not between 24 and the blob size");
        assertRejected(header(blob -> blob.putInt(12, 1000)),
                "BTF type section (offset 24, length 1000) extends past the end of the BTF data");
        assertRejected(header(blob -> blob.putInt(16, -1)), "BTF string section (offset 4294967319");
    }

    @Test
    void rejectsUnknownKindsAndVoidRecords() {
        assertRejected(new BtfBlob().raw(0, 25, 0, false, 0).build(),
                "type [1]: unknown BTF kind 25 (known kinds are 0 to 19)");
        assertRejected(new BtfBlob().int32("int").raw(0, 0, 0, false, 0).build(),
                "type [2]: kind 0 (void) cannot be encoded in the type section");
    }

    @Test
    void rejectsTruncatedRecords() {
        assertRejected(new BtfBlob().int32("int").bytes(1, 2, 3).build(),
                "type [2]: truncated record at offset 16 of the type section (3 bytes left, need 12)");
        BtfBlob blob = new BtfBlob();
        assertRejected(blob.type(blob.string("s"), BtfKind.STRUCT, 3, false, 8).build(),
                "type [1] STRUCT 's': its 36 bytes of data extend past the end of the type section");
        assertRejected(new BtfBlob().type(0, BtfKind.INT, 0, false, 4).build(),
                "type [1] INT: its 4 bytes of data extend past the end");
    }

    @Test
    void rejectsTypeIdsPastTheLastType() {
        assertRejected(new BtfBlob().int32("int").type(0, BtfKind.PTR, 0, false, 99).build(),
                "type [2] PTR: refers to type 99, but the last type is [2]");
        BtfBlob blob = new BtfBlob().int32("int");
        int name = blob.string("s");
        assertRejected(blob.type(name, BtfKind.STRUCT, 1, false, 4, blob.string("m"), -1, 0).build(),
                "type [2] STRUCT 's': refers to type 4294967295, but the last type is [2]");
        assertRejected(new BtfBlob().int32("int").type(0, BtfKind.DATASEC, 1, false, 0, 7, 0, 4).build(),
                "type [2] DATASEC: refers to type 7");
    }

    @Test
    void rejectsNamesOutsideTheStringSection() {
        assertRejected(new BtfBlob().type(500, BtfKind.TYPEDEF, 0, false, 0).build(),
                "type [1]: name offset 500 is outside the string section (1 bytes)");
        BtfBlob blob = new BtfBlob();
        ByteBuffer unterminated = blob.typedef("name", 0).build();
        unterminated.putInt(20, unterminated.getInt(20) - 1); // drop the final NUL
        assertRejected(unterminated, "type [1]: name at offset 1 is not NUL-terminated");
    }

    @Test
    @Timeout(5)
    void boundsTheMemorySpentOnOverlappingNames() {
        BtfBlob blob = new BtfBlob().int32("int");
        int longName = blob.string("a".repeat(100_000));
        // Every typedef names a different tail of one long string: quadratic without a bound.
        for (int i = 0; i < 50_000; i++) {
            blob.type(longName + i, BtfKind.TYPEDEF, 0, false, 1);
        }
        assertRejected(blob.build(), "the names of the string section overlap far more than any compiler writes them");
    }

    @Test
    void rejectsLengthsAndSizesBeyondInt() {
        assertRejected(new BtfBlob().int32("int").type(0, BtfKind.ARRAY, 0, false, 0, 1, 1, -1).build(),
                "type [2] ARRAY: length 4294967295 is too large");
        BtfBlob blob = new BtfBlob();
        assertRejected(blob.type(blob.string("huge"), BtfKind.STRUCT, 0, false, -2).build(),
                "type [1] STRUCT 'huge': size 4294967294 is too large");
    }

    @Test
    void rejectsTypesThatContainThemselves() {
        assertRejected(new BtfBlob().typedef("a", 2).typedef("b", 1).build(), "contains itself");
        BtfBlob blob = new BtfBlob();
        int name = blob.string("loop");
        assertRejected(blob.type(name, BtfKind.STRUCT, 1, false, 4, blob.string("self"), 1, 0).build(),
                "type [1] STRUCT 'loop': contains itself (through type [1] STRUCT 'loop')");
        assertRejected(new BtfBlob().int32("int").type(0, BtfKind.ARRAY, 0, false, 0, 2, 1, 4).build(),
                "type [2] ARRAY: contains itself");
    }

    @Test
    void acceptsPointerCycles() throws BtfFormatException {
        BtfBlob blob = new BtfBlob();
        int name = blob.string("node");
        Btf btf = Btf.parse(blob.type(name, BtfKind.STRUCT, 1, false, 8, blob.string("next"), 2, 0)
                .type(0, BtfKind.PTR, 0, false, 1).build());
        assertThat(btf.sizeOf(1)).isEqualTo(8);
        assertThat(btf.alignOf(1)).isEqualTo(8);
    }

    @Test
    @Timeout(5)
    void acceptsChainsOfUpToMaxDepthTypes() throws BtfFormatException {
        // int, then MAX_DEPTH - 1 typedefs each naming the one before: MAX_DEPTH types in all.
        BtfBlob blob = new BtfBlob().int32("int");
        for (int id = 2; id <= Btf.MAX_DEPTH; id++) {
            blob.type(0, BtfKind.TYPEDEF, 0, false, id - 1);
        }
        Btf btf = Btf.parse(blob.build());
        assertThat(btf.resolve(Btf.MAX_DEPTH)).isEqualTo(btf.type(1));
        assertThat(btf.sizeOf(Btf.MAX_DEPTH)).isEqualTo(4);
        assertThat(btf.alignOf(Btf.MAX_DEPTH)).isEqualTo(4);

        blob.type(0, BtfKind.TYPEDEF, 0, false, Btf.MAX_DEPTH);
        assertRejected(blob.build(), "type [" + (Btf.MAX_DEPTH + 1) + "] TYPEDEF: starts a chain of more than "
                + Btf.MAX_DEPTH + " type references (typedefs, qualifiers, arrays, members, pointers, prototypes),"
                + " the most this reader follows (Btf.MAX_DEPTH)");
    }

    @Test
    @Timeout(5)
    void rejectsVeryDeepChainsOfEveryKindWithoutRecursion() {
        int depth = 100_000;
        // Each chain starts at type 1 and runs towards higher ids, so a walk meets it from its top.
        for (BtfKind kind : List.of(BtfKind.TYPEDEF, BtfKind.CONST, BtfKind.PTR, BtfKind.ARRAY, BtfKind.STRUCT,
                BtfKind.FUNC_PROTO)) {
            BtfBlob blob = new BtfBlob();
            int name = blob.string("m");
            for (int id = 1; id < depth; id++) {
                switch (kind) {
                    case ARRAY -> blob.type(0, kind, 0, false, 0, id + 1, depth, 1);
                    // Anonymous: a pointer to a named struct would end the chain, as in C.
                    case STRUCT -> blob.type(0, kind, 1, false, 4, name, id + 1, 0);
                    case FUNC_PROTO -> blob.type(0, kind, 1, false, 0, name, id + 1);
                    default -> blob.type(0, kind, 0, false, id + 1);
                }
            }
            blob.int32("int");
            assertRejected(blob.build(), "type [1] " + kind + ": starts a chain of more than " + Btf.MAX_DEPTH);
        }
    }

    @Test
    void rejectsCyclesThatNoCDeclarationCanWrite() {
        // Two pointers to each other, and an anonymous struct pointing to itself.
        assertRejected(new BtfBlob().type(0, BtfKind.PTR, 0, false, 2).type(0, BtfKind.PTR, 0, false, 1).build(),
                "type [1] PTR: refers to itself through [2] PTR, a cycle no C declaration can write");
        BtfBlob anonymous = new BtfBlob();
        int next = anonymous.string("next");
        assertRejected(anonymous.type(0, BtfKind.STRUCT, 1, false, 8, next, 2, 0)
                .type(0, BtfKind.PTR, 0, false, 1).build(), "type [1] STRUCT: refers to itself through [2] PTR");
        // A prototype taking a pointer to itself.
        BtfBlob proto = new BtfBlob();
        assertRejected(proto.type(0, BtfKind.FUNC_PROTO, 1, false, 0, 0, 2).type(0, BtfKind.PTR, 0, false, 1)
                .build(), "type [1] FUNC_PROTO: refers to itself through [2] PTR");
    }

    @Test
    void acceptsTheCyclesCWrites() throws BtfFormatException {
        // typedef struct node node_t; struct node { node_t *next; struct node (*copy)(const node_t *); };
        BtfBlob blob = new BtfBlob();
        int node = blob.string("node");
        blob.type(node, BtfKind.STRUCT, 2, false, 16, blob.string("next"), 3, 0, blob.string("copy"), 4, 64) // [1]
                .typedef("node_t", 1)                                                                 // [2]
                .type(0, BtfKind.PTR, 0, false, 2)                                                    // [3] node_t *
                .type(0, BtfKind.PTR, 0, false, 5)                                                    // [4] fn *
                .type(0, BtfKind.FUNC_PROTO, 1, false, 1, 0, 7)                                       // [5]
                .type(0, BtfKind.CONST, 0, false, 2)                                                  // [6]
                .type(0, BtfKind.PTR, 0, false, 6);                                                   // [7]
        Btf btf = Btf.parse(blob.build());
        assertThat(btf.sizeOf(1)).isEqualTo(16);
        // A forward declaration ends a chain too.
        BtfBlob fwd = new BtfBlob();
        Btf withFwd = Btf.parse(fwd.type(fwd.string("opaque"), BtfKind.FWD, 0, false, 0)
                .type(0, BtfKind.PTR, 0, false, 1).build());
        assertThat(withFwd.sizeOf(2)).isEqualTo(8);
    }

    @Test
    @Timeout(5)
    void computesLayoutsOfSharedSubtypesOnce() throws BtfFormatException {
        // Struct n holds two copies of struct n-1: 2^60 paths, which a naive walk would follow.
        BtfBlob blob = new BtfBlob().int32("int");
        int member = blob.string("m");
        for (int id = 2; id <= 61; id++) {
            blob.type(0, BtfKind.STRUCT, 2, false, 8, member, id - 1, 0, member, id - 1, 0);
        }
        Btf btf = Btf.parse(blob.build());
        assertThat(btf.alignOf(61)).isEqualTo(4);
        assertThat(btf.sizeOf(61)).isEqualTo(8);
    }

    @Test
    void reportsTypesWithoutSizeOrAlignment() throws BtfFormatException {
        BtfBlob blob = new BtfBlob().int32("int");
        int fwd = blob.string("opaque");
        blob.type(fwd, BtfKind.FWD, 0, false, 0)                          // [2]
                .type(blob.string("holder"), BtfKind.STRUCT, 1, false, 4, blob.string("o"), 2, 0) // [3]
                .type(0, BtfKind.PTR, 0, false, 0)                        // [4] void *
                .type(0, BtfKind.ARRAY, 0, false, 0, 1, 1, Integer.MAX_VALUE)   // [5] int[2^31-1]
                .type(0, BtfKind.ARRAY, 0, false, 0, 5, 1, Integer.MAX_VALUE);  // [6] int[..][..]
        Btf btf = Btf.parse(blob.build());
        assertThatThrownBy(() -> btf.sizeOf(0)).hasMessage("BTF type [0] VOID has no size");
        assertThatThrownBy(() -> btf.sizeOf(2)).hasMessage("BTF type [2] FWD 'opaque' has no size");
        assertThatThrownBy(() -> btf.alignOf(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BTF type [3] STRUCT 'holder' has no alignment");
        assertThat(btf.sizeOf(4)).isEqualTo(8);
        assertThat(btf.sizeOf(5)).isEqualTo(4L * Integer.MAX_VALUE);
        assertThatThrownBy(() -> btf.sizeOf(6)).hasMessage("BTF type [6] ARRAY: size overflows");
    }

    @Test
    void treatsMisalignedStructsAsPacked() throws BtfFormatException {
        BtfBlob blob = new BtfBlob().int32("int");
        int a = blob.string("a");
        int b = blob.string("b");
        blob.type(blob.string("packed"), BtfKind.STRUCT, 2, false, 5, a, 1, 0, b, 1, 8)
                .type(blob.string("odd"), BtfKind.STRUCT, 1, false, 6, a, 1, 0);
        Btf btf = Btf.parse(blob.build());
        assertThat(btf.alignOf(2)).isEqualTo(1);
        assertThat(btf.alignOf(3)).isEqualTo(1);
    }

    @Test
    void decodesBitfieldOffsetsAndTypeTags() throws BtfFormatException {
        BtfBlob blob = new BtfBlob().int32("int");
        blob.type(blob.string("bits"), BtfKind.STRUCT, 1, true, 4, blob.string("f"), 1, 3 << 24 | 67)
                .type(blob.string("user"), BtfKind.TYPE_TAG, 0, false, 1)
                .type(blob.string("tag"), BtfKind.DECL_TAG, 0, false, 2, -1)
                .type(blob.string("f"), BtfKind.FLOAT, 0, false, 8);
        Btf btf = Btf.parse(blob.build());
        BtfType.Member field = ((BtfType.Composite) btf.type(2)).members().get(0);
        assertThat(field.bitOffset()).isEqualTo(67);
        assertThat(field.bitfieldSize()).isEqualTo(3);
        assertThat(btf.type(3)).isEqualTo(new BtfType.Qualifier(3, BtfKind.TYPE_TAG, 1, "user"));
        assertThat(btf.resolve(3)).isEqualTo(btf.type(1));
        assertThat(btf.type(4)).isEqualTo(new BtfType.DeclTag(4, "tag", 2, -1));
        assertThat(btf.sizeOf(5)).isEqualTo(8);
        assertThat(btf.alignOf(5)).isEqualTo(8);
    }

    @Test
    void readsFromThePositionWithoutMovingIt() throws BtfFormatException {
        ByteBuffer blob = new BtfBlob().int32("int").build();
        ByteBuffer larger = ByteBuffer.allocate(blob.remaining() + 8).order(ByteOrder.BIG_ENDIAN);
        larger.position(8);
        larger.put(blob);
        larger.position(8);
        Btf btf = Btf.parse(larger);
        assertThat(btf.types()).hasSize(2);
        assertThat(larger.position()).isEqualTo(8);
        assertThat(larger.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void numbersKindsAsTheKernelDoes() {
        for (BtfKind kind : BtfKind.values()) {
            assertThat(BtfKind.of(kind.id())).isSameAs(kind);
        }
        assertThat(BtfKind.of(19)).isEqualTo(BtfKind.ENUM64);
        assertThat(BtfKind.of(4)).isEqualTo(BtfKind.STRUCT);
        assertThatThrownBy(() -> BtfKind.of(20)).hasMessage("unknown BTF kind 20 (known kinds are 0 to 19)");
        assertThat(List.of(BtfKind.CONST, BtfKind.VOLATILE, BtfKind.RESTRICT, BtfKind.TYPE_TAG))
                .allMatch(BtfKind::isQualifier);
        assertThat(BtfKind.TYPEDEF.isQualifier()).isFalse();
        assertThatThrownBy(() -> new BtfType.Qualifier(1, BtfKind.TYPEDEF, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ByteBuffer header(java.util.function.Consumer<ByteBuffer> patch) {
        ByteBuffer blob = new BtfBlob().int32("int").build();
        patch.accept(blob);
        return blob;
    }

    private static void assertRejected(ByteBuffer blob, String message) {
        assertThatThrownBy(() -> Btf.parse(blob))
                .isInstanceOf(BtfFormatException.class)
                .hasMessageContaining(message);
    }
}
