package io.bpf4j.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import io.bpf4j.btf.Btf;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * Objects bigger or deeper than a class file, the kernel or the generator can take fail with one
 * error naming the type and the limit, before any code is written; objects at the limits compile.
 * Each is {@code hostile.bpf.o} with counts and nesting patched by {@link ObjectRewriter}.
 */
class LimitsTest {
    /** Members {@code struct victim_struct} has as clang built it. */
    private static final int FIXTURE_MEMBERS = 9;
    private static final int FIXTURE_VALUES = 2;
    private static final int DEEP = 3000;
    /** Deeper than the generator maps, within what the reader follows. */
    private static final int DEEPER_THAN_GENERATED = 100;

    @TempDir
    Path dir;

    @Test
    void aStructWithTheMostMembersBtfAllowsIsOneError() {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int struct = object.typeId(ObjectRewriter.STRUCT, "victim_struct");
        object.addMembers(struct, "m", 65_535 - FIXTURE_MEMBERS, u32(object), 4);

        HostileObjects.assertOneError(compile(object), "struct victim_struct has 65535 members; a skeleton takes at "
                + "most " + ClassFileLimits.MAX_MEMBERS);
    }

    @Test
    void aStructAtTheMemberLimitCompiles() throws ReflectiveOperationException {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int struct = object.typeId(ObjectRewriter.STRUCT, "victim_struct");
        // Struct members cost the most (a child view each): the limit must hold for them.
        int child = object.typeId(ObjectRewriter.STRUCT, "victim_event");
        object.addMembers(struct, "m", ClassFileLimits.MAX_MEMBERS - FIXTURE_MEMBERS, child, 16);
        byte[] bytes = object.bytes();

        HostileObjects.compileInert(bytes, dir);
    }

    @Test
    void anEnumWithThousandsOfValuesIsOneError() {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        object.addEnumValues(object.typeId(ObjectRewriter.ENUM, "victim_enum"), "V", 6000 - FIXTURE_VALUES);

        HostileObjects.assertOneError(compile(object), "enum victim_enum has 6000 values; a skeleton takes at most "
                + ClassFileLimits.MAX_ENUM_CONSTANTS);
    }

    @Test
    void anEnumAtTheValueLimitCompiles() throws ReflectiveOperationException {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        object.addEnumValues(object.typeId(ObjectRewriter.ENUM, "victim_enum"), "V",
                ClassFileLimits.MAX_ENUM_CONSTANTS - FIXTURE_VALUES);

        HostileObjects.compileInert(object.bytes(), dir);
    }

    @Test
    void aTypeNameOfSeventyThousandCharactersIsShortened() throws ReflectiveOperationException {
        String name = "s".repeat(70_000);
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture()).rename("victim_struct", name)
                .rename("victim_member", "m".repeat(70_000));
        byte[] bytes = object.bytes();

        HostileObjects.compileInert(bytes, dir);

        String source = HostileObjects.source(HostileObjects.compile(bytes, dir));
        assertThat(source).contains("public record " + "S" + "s".repeat(JavaNames.MAX_LENGTH - 10) + "_")
                .contains("<code>struct " + "s".repeat(SourceText.SHOWN_LENGTH) + "&#x2026;(70000 bytes)</code>")
                .hasSizeLessThan(200_000);
    }

    @Test
    void aMapNameTooLongForAStringConstantIsOneError() {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture()).rename("victim_map", "m".repeat(70_000));

        HostileObjects.assertOneError(compile(object), "p/hostile.bpf.o: map name '" + "m".repeat(200)
                + "…(70000 bytes)' is 70000 bytes long; a Java string constant holds at most 65535 bytes");
    }

    @Test
    void structsNestedDeeperThanTheGeneratorMapsAreOneError() {
        ObjectRewriter object = nestedStructs(DEEPER_THAN_GENERATED);

        HostileObjects.assertOneError(compile(object),
                "struct victim_struct, member 'victim_member' (struct nest" + (DEEPER_THAN_GENERATED - 1) + ")",
                "types nest deeper than " + TypeMapper.MAX_DEPTH + " levels");
    }

    @Test
    void arraysNestedDeeperThanTheGeneratorMapsAreOneError() {
        ObjectRewriter object = nestedArrays(DEEPER_THAN_GENERATED);

        HostileObjects.assertOneError(compile(object), "struct victim_struct, member 'victim_member'",
                "types nest deeper than " + TypeMapper.MAX_DEPTH + " levels");
    }

    @Test
    void structsAndArraysNestedThousandsDeepAreRefusedByTheReader() {
        // Past Btf.MAX_DEPTH the object is not read at all: no walk of the generator ever sees it.
        for (ObjectRewriter object : new ObjectRewriter[] {nestedStructs(DEEP), nestedArrays(DEEP)}) {
            HostileObjects.assertOneError(compile(object), "starts a chain of more than " + Btf.MAX_DEPTH
                    + " type references", "(Btf.MAX_DEPTH)");
        }
    }

    @Test
    void typedefsAndPointersDeeperThanTheGeneratorMapsCompile() throws ReflectiveOperationException {
        // Typedefs are looked through and pointers are addresses: neither nests a Java type.
        HostileObjects.compileInert(typedefAndPointerChains(Btf.MAX_DEPTH - 10).bytes(), dir);
    }

    @Test
    void typedefsAndPointersThousandsDeepAreRefusedByTheReader() {
        HostileObjects.assertOneError(compile(typedefAndPointerChains(DEEP)), "starts a chain of more than "
                + Btf.MAX_DEPTH + " type references", "(Btf.MAX_DEPTH)");
    }

    private static ObjectRewriter nestedStructs(int depth) {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int inner = u32(object);
        for (int i = 0; i < depth; i++) {
            inner = object.append(ObjectRewriter.STRUCT, "nest" + i, 1, 4, object.string("m"), inner, 0);
        }
        object.setMemberType(object.typeId(ObjectRewriter.STRUCT, "victim_struct"), "victim_member", inner);
        return object;
    }

    private static ObjectRewriter nestedArrays(int depth) {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int u32 = u32(object);
        int inner = u32;
        for (int i = 0; i < depth; i++) {
            inner = object.append(ObjectRewriter.ARRAY, "", 0, 0, inner, u32, 1);
        }
        object.setMemberType(object.typeId(ObjectRewriter.STRUCT, "victim_struct"), "victim_member", inner);
        return object;
    }

    private static ObjectRewriter typedefAndPointerChains(int depth) {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int typedef = u32(object);
        for (int i = 0; i < depth; i++) {
            typedef = object.append(ObjectRewriter.TYPEDEF, "alias" + i, 0, typedef);
        }
        int pointer = u32(object);
        for (int i = 0; i < depth; i++) {
            pointer = object.append(ObjectRewriter.PTR, "", 0, pointer);
        }
        int struct = object.typeId(ObjectRewriter.STRUCT, "victim_struct");
        object.setMemberType(struct, "victim_member", typedef).setMemberType(struct, "victim_array", pointer);
        return object;
    }

    @Test
    void anArrayLargerThanAJavaBufferIsOneError() {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int u64 = object.typeId(ObjectRewriter.INT, "unsigned long long");
        int huge = object.append(ObjectRewriter.ARRAY, "", 0, 0, u64, u32(object), 1 << 29);
        object.setMemberType(object.typeId(ObjectRewriter.STRUCT, "victim_struct"), "victim_array", huge);

        HostileObjects.assertOneError(compile(object), "is larger than 2 GiB");
    }

    @Test
    void moreStructsThanASkeletonHoldsIsOneError() {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture());
        int count = ClassFileLimits.MAX_TYPES;
        int[] data = new int[3 * count];
        for (int i = 0; i < count; i++) {
            data[3 * i] = object.string("m" + i);
            data[3 * i + 1] =
                    object.append(ObjectRewriter.STRUCT, "many" + i, 1, 4, object.string("v"), u32(object), 0);
            data[3 * i + 2] = 32 * i;
        }
        int holder = object.append(ObjectRewriter.STRUCT, "holder", count, 4 * count, data);
        object.retargetPointers(object.typeId(ObjectRewriter.STRUCT, "victim_struct"), holder);

        HostileObjects.assertOneError(compile(object), "struct, union and enum types; a skeleton takes at most "
                + ClassFileLimits.MAX_TYPES);
    }

    private Compilation compile(ObjectRewriter object) {
        return HostileObjects.compile(object.bytes(), dir);
    }

    private static int u32(ObjectRewriter object) {
        return object.typeId(ObjectRewriter.INT, "unsigned int");
    }
}
