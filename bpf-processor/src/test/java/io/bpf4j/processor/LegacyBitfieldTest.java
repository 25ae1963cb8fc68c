package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import io.bpf4j.btf.Btf;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bitfields in BTF's older encoding, which clang no longer writes but other producers may: a
 * struct without kind_flag whose bitfield members have INT types narrower than their storage,
 * the INT's own bit offset adding to the member's. Built by hand, byte by byte.
 */
class LegacyBitfieldTest {
    private static final int KIND_INT = 1;
    private static final int KIND_STRUCT = 4;
    private static final int INT_SIGNED = 1;

    @Test
    void narrowIntMembersAreBitfields() throws Exception {
        // Strings: "", "s", "a", "b", "c", "int".
        byte[] strings = "\0s\0a\0b\0c\0int\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer types = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        integer(types, 9, 4, 0, 0, 3); // [1] unsigned, 3 bits
        integer(types, 9, 4, INT_SIGNED, 2, 5); // [2] signed, 5 bits at INT bit offset 2
        integer(types, 9, 4, INT_SIGNED, 0, 32); // [3] a plain int
        types.putInt(1).putInt(KIND_STRUCT << 24 | 3).putInt(8); // [4] struct s, 3 members, kind_flag 0
        types.putInt(3).putInt(1).putInt(0); // a: [1] at bit 0
        types.putInt(5).putInt(2).putInt(1); // b: [2] at bit 1 (+2 from the INT: bit 3)
        types.putInt(7).putInt(3).putInt(32); // c: [3] at bit 32
        Btf btf = Btf.parse(blob(types, strings));

        TypeMapper mapper = new TypeMapper(btf, ClassName.get("p", "Skel"), new JavaNames.Allocator(), "test");
        RecordModel record = ((JavaType.Struct) mapper.map(4, "struct s", "S")).record();

        assertThat(record.fields()).extracting(RecordModel.Field::type).containsExactly(
                new JavaType.Bits(ScalarKind.U32, 0, 3, null),
                new JavaType.Bits(ScalarKind.S32, 3, 5, null),
                new JavaType.Scalar(ScalarKind.S32));
        assertThat(record.fields()).extracting(RecordModel.Field::offset).containsExactly(0, 0, 4);
        assertThat(record.fields()).extracting(RecordModel.Field::cDeclaration)
                .containsExactly("int a : 3", "int b : 5", "int c");
    }

    private static void integer(ByteBuffer types, int name, int size, int encoding, int bitOffset, int bits) {
        types.putInt(name).putInt(KIND_INT << 24).putInt(size).putInt(encoding << 24 | bitOffset << 16 | bits);
    }

    private static ByteBuffer blob(ByteBuffer types, byte[] strings) {
        int typeLength = types.position();
        ByteBuffer blob = ByteBuffer.allocate(24 + typeLength + strings.length).order(ByteOrder.LITTLE_ENDIAN);
        blob.putShort((short) 0xeb9f).put((byte) 1).put((byte) 0).putInt(24);
        blob.putInt(0).putInt(typeLength).putInt(typeLength).putInt(strings.length);
        blob.put(types.array(), 0, typeLength).put(strings);
        return blob.flip();
    }
}
