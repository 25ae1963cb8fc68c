package io.bpf4j.btf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bpf4j.text.Printable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes C headers from the BTF of src/test/bpf/ctypes.bpf.c (every layout trick) and of the
 * running kernel, checks the text, and lets clang check that the header compiles and gives every
 * struct the size and member offsets BTF records.
 */
class CHeaderWriterTest {
    private static final String CTYPES = "/ctypes.bpf.o";
    private static final String[] KERNEL_STRUCTS = {
        "task_struct", "sk_buff", "file", "inode", "mm_struct", "sock", "net_device", "pt_regs",
        "trace_event_raw_sys_enter", "bpf_map", "page", "cgroup",
    };

    private final Btf ctypes = BtfTest.parse(CTYPES);
    private final String header = new CHeaderWriter(ctypes).header();

    @Test
    void wrapsTheTypesInAGuardAndPreserveAccessIndex() {
        assertThat(header).startsWith("#ifndef __VMLINUX_H__\n#define __VMLINUX_H__\n\n"
                + "#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n"
                + "#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)\n"
                + "#endif\n\n");
        assertThat(header).endsWith("#ifndef BPF_NO_PRESERVE_ACCESS_INDEX\n#pragma clang attribute pop\n#endif\n\n"
                + "#endif /* __VMLINUX_H__ */\n");
        assertThat(new CHeaderWriter(ctypes, "CTYPES_H").header()).startsWith("#ifndef CTYPES_H\n#define CTYPES_H\n");
    }

    @Test
    void rejectsGuardsThatAreNotIdentifiers() {
        assertThatThrownBy(() -> new CHeaderWriter(ctypes, "1-bad guard"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("include guard '1-bad guard' is not a C identifier");
    }

    @Test
    void reproducesPackingAlignmentGapsAndBitfields() {
        assertThat(header).contains("struct ctypes_packed {\n\tchar tag;\n\t__u64 value;\n\t__u16 port;\n"
                + "} __attribute__((packed));");
        // aligned(16) member and aligned(32) struct: explicit gaps, including the tail.
        assertThat(header).contains("struct ctypes_aligned {\n\tchar tag;\n\tlong: 56;\n\tlong: 64;\n\t__u32 big;\n"
                + "\tchar tail;\n\tint: 24;\n\tlong: 64;\n};");
        // A zero-width bitfield in C becomes the gap it leaves.
        assertThat(header).contains("struct ctypes_bits {\n\tunsigned int a: 3;\n\tint: 29;\n\tunsigned int b: 5;\n"
                + "\tunsigned long long c: 40;\n\tchar d;\n\tint e: 7;\n};");
        // An over-aligned union has no position for a gap, so it gets a member as large as itself.
        assertThat(header).contains("union ctypes_wide_union {\n\t__u32 word;\n\tchar __pad[16];\n};");
        assertThat(header).contains("struct ctypes_flexible {\n\t__u32 length;\n\tchar data[0];\n};");
    }

    @Test
    void givesEnumsTheirWidthAndSignedness() {
        assertThat(header).contains("enum ctypes_wide {\n\tWIDE_SMALL = 1ULL,\n\tWIDE_BIG = 4294967296ULL,\n};");
        assertThat(header).contains("enum ctypes_negative {\n\tNEG_MIN = -2,\n\tNEG_MAX = 2,\n};");
        assertThat(header).contains("enum ctypes_byte {\n\tBYTE_A = 1,\n} __attribute__((mode(byte)));");
    }

    @Test
    void writesDeclaratorsForPointersArraysFunctionsAndQualifiers() {
        assertThat(header).contains("typedef int (*ctypes_callback)(const char *, void *);");
        assertThat(header).contains("struct ctypes_node {\n"
                + "\tctypes_node_t *next;\n"
                + "\tstruct ctypes_node *(*find)(struct ctypes_node *, int);\n"
                + "\tconst char *const label;\n"
                + "\tvolatile int counter;\n"
                + "\tint matrix[2][3];\n"
                + "\tint (*row)[3];\n"
                + "\tunion {\n\t\t__u32 word;\n\t\t__u8 bytes[4];\n\t};\n"
                + "\tstruct {\n\t\tint x;\n\t\tint y;\n\t} point;\n"
                + "\tctypes_callback callback;\n"
                + "};");
    }

    @Test
    void declaresPointerCyclesAheadOfTheirDefinitions() {
        int forward = header.indexOf("struct ctypes_node;\n");
        int typedef = header.indexOf("typedef struct ctypes_node ctypes_node_t;\n");
        int definition = header.indexOf("struct ctypes_node {\n");
        assertThat(forward).isNotNegative().isLessThan(typedef);
        assertThat(typedef).isLessThan(definition);
    }

    @Test
    void suffixesNamesDeclaredTwiceInTheOrderTheyAreWritten() {
        // The function-local ctypes_dup has the lower type id, so it keeps the plain names.
        assertThat(header).contains("struct ctypes_dup {\n\tlong second;\n};");
        assertThat(header).contains("struct ctypes_dup___2 {\n\tint first;\n};");
        assertThat(header).contains("enum ctypes_dup_kind {\n\tDUP_ONE = 3,\n};");
        assertThat(header).contains("enum ctypes_dup_kind___2 {\n\tDUP_ONE___2 = 1,\n};");
    }

    @Test
    void writesTypesNestedAsDeepAsTheReaderAcceptsOnADefaultStack() throws Exception {
        // struct deep { struct { struct { ... int (*(*m)(int (*)(...)))...; } m; } m; }: anonymous
        // structs, then prototypes taking pointers to prototypes, MAX_DEPTH types in all.
        BtfBlob blob = new BtfBlob();
        int m = blob.string("m");
        int structs = Btf.MAX_DEPTH / 2;
        blob.type(blob.string("deep"), BtfKind.STRUCT, 1, false, 8, m, 2, 0); // [1]
        for (int id = 2; id < structs; id++) {
            blob.type(0, BtfKind.STRUCT, 1, false, 8, m, id + 1, 0);
        }
        for (int id = structs; id < Btf.MAX_DEPTH - 1; id += 2) {
            blob.type(0, BtfKind.PTR, 0, false, id + 1);
            blob.type(0, BtfKind.FUNC_PROTO, 1, false, Btf.MAX_DEPTH, 0, id + 2);
        }
        blob.int32("int");
        Btf btf = Btf.parse(blob.build());
        // The JVM's default thread stack on Linux: what javac's and a build tool's threads get.
        String[] written = new String[1];
        Throwable[] failed = new Throwable[1];
        Thread thread = new Thread(null, () -> written[0] = new CHeaderWriter(btf).header(), "default-stack", 1 << 20);
        thread.setUncaughtExceptionHandler((t, e) -> failed[0] = e);
        thread.start();
        thread.join();
        assertThat(failed[0]).as("what the writer threw").isNull();
        assertThat(written[0]).contains("struct deep {\n\tstruct {\n\t\tstruct {")
                .contains("int (*m)(int (*)(int (*)(int (*)(");
    }

    @Test
    void refusesSharedAnonymousTypesWhoseInlineDefinitionsWouldMultiply() throws BtfFormatException {
        // Each anonymous struct holds two of the one before: written inline, 2^40 copies of the first.
        BtfBlob blob = new BtfBlob().int32("int");
        int a = blob.string("a");
        int b = blob.string("b");
        for (int id = 2; id <= 41; id++) {
            blob.type(0, BtfKind.STRUCT, 2, false, 8, a, id - 1, 0, b, id - 1, 0);
        }
        blob.type(blob.string("top"), BtfKind.STRUCT, 1, false, 8, a, 41, 0);
        Btf btf = Btf.parse(blob.build());
        assertThatThrownBy(() -> new CHeaderWriter(btf).header())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its C declaration would bring the header past 8 times the members and types"
                        + " of the BTF: anonymous types are nested and shared");
    }

    @Test
    void refusesNamesThatAreNotCIdentifiers() throws BtfFormatException {
        // The header is C source: a name must not be able to write code into it.
        for (String name : List.of("x; int evil", "a\nb", "9lives", "\u00e9t\u00e9")) {
            BtfBlob typedef = new BtfBlob().int32("int");
            Btf named = Btf.parse(typedef.typedef(name, 1).build());
            assertThatThrownBy(() -> new CHeaderWriter(named).header())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("BTF type [2] TYPEDEF '" + Printable.escape(name) + "': '"
                            + Printable.escape(name) + "' is not a C identifier, and cannot be written"
                            + " into a header");
        }
        BtfBlob member = new BtfBlob().int32("int");
        member.type(member.string("s"), BtfKind.STRUCT, 1, false, 4, member.string("a */ b"), 1, 0);
        assertThatThrownBy(() -> new CHeaderWriter(Btf.parse(member.build())).header())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTF type [2] STRUCT 's': 'a */ b' is not a C identifier, and cannot be written into a"
                        + " header");
        BtfBlob base = new BtfBlob().int32("int;");
        assertThatThrownBy(() -> new CHeaderWriter(Btf.parse(base.typedef("t", 1).build())).header())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("BTF type [1] INT 'int;': 'int;' is not a C identifier");
    }

    @Test
    void refusesBitfieldsOfTypesWithoutSize() throws BtfFormatException {
        // struct s { int a[0]: 3; }: a bitfield of a zero-sized array.
        BtfBlob blob = new BtfBlob().int32("int");
        blob.type(0, BtfKind.ARRAY, 0, false, 0, 1, 1, 0);
        blob.type(blob.string("s"), BtfKind.STRUCT, 1, true, 4, blob.string("a"), 2, 3 << 24);
        Btf btf = Btf.parse(blob.build());
        assertThatThrownBy(() -> new CHeaderWriter(btf).header())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BTF type [2] ARRAY has size 0: C cannot declare bitfield 'a' of it");
    }

    @Test
    void refusesGapsThatWouldTakeMillionsOfPaddingPieces() throws BtfFormatException {
        // struct gap { int a; } declared 2 GiB large: 2^28 pieces of "long: 64;" to pad it.
        BtfBlob blob = new BtfBlob().int32("int");
        blob.type(blob.string("gap"), BtfKind.STRUCT, 1, false, Integer.MAX_VALUE, blob.string("a"), 1, 0);
        Btf btf = Btf.parse(blob.build());
        assertThatThrownBy(() -> new CHeaderWriter(btf).header())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BTF type [2] STRUCT 'gap': its C declaration would bring the header past")
                .hasMessageEndingWith("or padding fills gaps of that many 64-bit pieces");
    }

    @Test
    void writesTheSameHeaderEveryTime() {
        assertThat(new CHeaderWriter(BtfTest.parse(CTYPES)).header()).isEqualTo(header);
    }

    @Test
    void paddingPiecesUseTheSmallestTypeThatHoldsThem() {
        assertThat(CPadding.between(3, 32)).extracting(CPadding.Piece::declaration).containsExactly("int: 29");
        assertThat(CPadding.between(8, 200)).extracting(CPadding.Piece::declaration)
                .containsExactly("long: 56", "long: 64", "long: 64", "char: 8");
        assertThat(CPadding.between(32, 64)).extracting(CPadding.Piece::declaration).containsExactly("int: 32");
        assertThat(CPadding.between(64, 64)).isEmpty();
    }

    @Test
    void clangGivesTheFixtureTypesTheLayoutsOfBtf(@TempDir Path dir) throws Exception {
        Path clang = clang();
        List<String> asserts = new ArrayList<>();
        for (BtfType type : ctypes.types()) {
            if (type instanceof BtfType.Composite composite && composite.name().startsWith("ctypes_")
                    && !composite.name().equals("ctypes_dup")) {
                asserts.addAll(layoutAsserts(ctypes, composite));
            }
        }
        asserts.add("_Static_assert(sizeof(struct ctypes_dup___2) == 4, \"renamed duplicate\");");
        asserts.add("_Static_assert(sizeof(enum ctypes_wide) == 8 && sizeof(enum ctypes_byte) == 1, \"enum sizes\");");
        assertThat(asserts).hasSizeGreaterThan(30);
        compile(clang, dir, header, asserts);
    }

    @Test
    void clangGivesTheKernelTypesTheLayoutsOfBtf(@TempDir Path dir) throws Exception {
        Path clang = clang();
        assumeTrue(Files.isReadable(VmlinuxHeader.KERNEL_BTF),
                VmlinuxHeader.KERNEL_BTF + " is missing: this kernel has no BTF (CONFIG_DEBUG_INFO_BTF)");
        Btf kernel = Btf.parse(ByteBuffer.wrap(Files.readAllBytes(VmlinuxHeader.KERNEL_BTF)));
        Map<String, Long> tagUses = kernel.types().stream()
                .filter(type -> type instanceof BtfType.Composite || type instanceof BtfType.Enum)
                .collect(Collectors.groupingBy(BtfType::name, Collectors.counting()));
        List<String> asserts = new ArrayList<>();
        for (String name : KERNEL_STRUCTS) {
            Optional<BtfType.Composite> struct = kernel.findStruct(name);
            // Only names the header leaves unsuffixed can be asserted by name.
            if (struct.isPresent() && tagUses.get(name) == 1) {
                asserts.addAll(layoutAsserts(kernel, struct.get()));
            }
        }
        assertThat(asserts).as("layout assertions for " + String.join(", ", KERNEL_STRUCTS)).hasSizeGreaterThan(100);
        StringBuilder vmlinux = new StringBuilder();
        new CHeaderWriter(kernel).write(vmlinux);
        compile(clang, dir, vmlinux.toString(), asserts);
    }

    @Test
    void vmlinuxHeaderWritesTheHeaderOfARawBtfFile(@TempDir Path dir) throws Exception {
        Path raw = dir.resolve("ctypes.btf");
        ByteBuffer btf = io.bpf4j.elf.Fixtures.sectionBytes(CTYPES, ".BTF");
        byte[] bytes = new byte[btf.remaining()];
        btf.get(bytes);
        Files.write(raw, bytes);
        StringBuilder out = new StringBuilder();
        VmlinuxHeader.write(raw, out);
        assertThat(out.toString()).isEqualTo(header);
    }

    /** {@code _Static_assert}s of the size and of every named, non-bitfield member's offset. */
    private static List<String> layoutAsserts(Btf btf, BtfType.Composite composite) {
        String type = (composite.union() ? "union " : "struct ") + composite.name();
        List<String> asserts = new ArrayList<>();
        asserts.add("_Static_assert(sizeof(" + type + ") == " + btf.sizeOf(composite.id()) + ", \"sizeof(" + type + ")\");");
        for (BtfType.Member member : composite.members()) {
            if (!member.name().isEmpty() && !member.isBitfield()) {
                asserts.add("_Static_assert(__builtin_offsetof(" + type + ", " + member.name() + ") == "
                        + member.bitOffset() / 8 + ", \"offsetof(" + type + ", " + member.name() + ")\");");
            }
        }
        return asserts;
    }

    /** Compiles {@code header} and the assertions for the BPF target; fails with clang's output. */
    private static void compile(Path clang, Path dir, String header, List<String> asserts)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve("vmlinux.h"), header);
        Path source = dir.resolve("layouts.bpf.c");
        Files.writeString(source, "#include \"vmlinux.h\"\n" + String.join("\n", asserts) + "\n");
        Process process = new ProcessBuilder(clang.toString(), "-target", "bpf", "-fsyntax-only", "-Wall", "-Werror",
                "-D__TARGET_ARCH_x86", "-I", dir.toString(), source.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("clang finished").isTrue();
        assertThat(process.exitValue()).as("clang -target bpf on the header and %d assertions:%n%s",
                asserts.size(), output).isZero();
    }

    /** clang-19 or clang from PATH, as the bpf4j Maven plugin picks it without configuration; skips the test without one. */
    private static Path clang() {
        Optional<Path> found = Stream.of("clang-19", "clang")
                .flatMap(name -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(entry -> !entry.isEmpty())
                        .map(entry -> Path.of(entry, name)))
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(found.isPresent(), "clang-19 is not installed (apt-get install clang-19): cannot compile the header");
        return found.orElseThrow();
    }
}
