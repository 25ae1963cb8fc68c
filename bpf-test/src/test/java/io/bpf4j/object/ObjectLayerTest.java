package io.bpf4j.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.BpfException;
import io.bpf4j.btf.value.EnumValue;
import io.bpf4j.btf.value.IntegerValue;
import io.bpf4j.btf.value.ScalarKind;
import io.bpf4j.btf.value.StructValue;
import io.bpf4j.btf.value.TextValue;
import io.bpf4j.codec.Codecs;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.RawMap;
import io.bpf4j.map.UpdateFlag;
import io.bpf4j.program.BpfLink;
import io.bpf4j.ringbuf.RingBufferReader;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.VariableSpec;
import io.bpf4j.test.WithFakeKernel;
import io.bpf4j.test.fake.FakeKernel;
import io.bpf4j.test.fake.FakeLoadedObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The object layer without generated code, on the fake kernel: an object opened from bytes, a file
 * or the class path, its data sections set and read by name against their BTF types, programs
 * switched off, maps by name typed and raw, and everything closed with the object.
 */
@WithFakeKernel
class ObjectLayerTest {
    private static final String RESOURCE = "/objects.bpf.o";

    private static byte[] bytes() {
        try (InputStream in = ObjectLayerTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("objects.bpf.o is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anObjectOpensFromBytesAFileOrTheClassPathNamedAfterItsFile(FakeKernel kernel, @TempDir Path dir)
            throws IOException {
        Path file = Files.write(dir.resolve("objects.bpf.o"), bytes());

        try (OpenBpfObject fromFile = kernel.openFile(file);
                OpenBpfObject fromResource = kernel.openResource(ObjectLayerTest.class, RESOURCE);
                OpenBpfObject fromBytes = kernel.openBytes("renamed", bytes())) {
            assertThat(fromFile.name()).isEqualTo("objects");
            assertThat(fromResource.name()).isEqualTo("objects");
            assertThat(fromBytes.name()).isEqualTo("renamed");
            assertThat(fromFile.source().origin()).startsWith("file ").endsWith("objects.bpf.o");
            assertThat(fromFile.programs()).extracting(OpenProgram::name).containsExactly("count", "pass");
            assertThat(fromFile.rodata().variables()).extracting(VariableSpec::name)
                    .containsExactly("small", "delta", "target_pid", "offset", "mask", "verbose", "label", "origin",
                            "mode");
        }
    }

    @Test
    void whatIsNotABpfObjectIsRefusedBeforeAnyKernelSeesIt(FakeKernel kernel, @TempDir Path dir) throws IOException {
        String notElf = "not an ELF file: the first 4 bytes are not \\x7fELF";
        assertThatThrownBy(() -> kernel.openBytes("text", "hello".getBytes()))
                .isInstanceOf(BpfException.class).hasMessageContaining(notElf);
        Path text = Files.writeString(dir.resolve("notes.bpf.o"), "\u007fEL");
        assertThatThrownBy(() -> kernel.openFile(text)).isInstanceOf(BpfException.class)
                .hasMessageContaining("notes.bpf.o").hasMessageContaining(notElf);
        assertThatThrownBy(() -> kernel.openFile(dir.resolve("missing.bpf.o"))).isInstanceOf(BpfException.class)
                .hasMessageContaining("missing.bpf.o");
        assertThatThrownBy(() -> kernel.openResource(ObjectLayerTest.class, "/absent.bpf.o"))
                .isInstanceOf(BpfException.class).hasMessageContaining("it is not on the class path");
        assertThatThrownBy(() -> ObjectSource.resource(ObjectLayerTest.class, RESOURCE, "00"))
                .isInstanceOf(BpfException.class).hasMessageContaining("the object changed since its skeleton");
        assertThatThrownBy(() -> ObjectSource.bytes("", bytes())).isInstanceOf(IllegalArgumentException.class);
        assertThat(kernel.openResources()).isEmpty();
    }

    @Test
    void rodataIsSetByNameAndCheckedAgainstEachVariablesCType(FakeKernel kernel) {
        try (OpenBpfObject open = kernel.openBytes("objects", bytes())) {
            OpenDataSection rodata = open.rodata();
            rodata.setLong("target_pid", 4_000_000_000L).setLong("small", 255).setLong("delta", -32768)
                    .setLong("offset", Long.MIN_VALUE).setLong("mask", -1).setLong("mode", 1)
                    .setBoolean("verbose", true).setString("label", "hello").set("origin", Codecs.INT64, 7L);

            assertThatThrownBy(() -> rodata.setLong("target_pid", -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("variable 'target_pid' of .rodata: -1 is out of range 0 to 4294967295 (u32)");
            assertThatThrownBy(() -> rodata.setLong("small", 256)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("variable 'small' of .rodata: 256 is out of range 0 to 255 (u8)");
            assertThatThrownBy(() -> rodata.setLong("delta", 1L << 40)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is out of range -32768 to 32767 (s16)");
            assertThatThrownBy(() -> rodata.setLong("verbose", 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("variable 'verbose' of .rodata cannot be set as an integer");
            assertThatThrownBy(() -> rodata.setString("target_pid", "1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a char array");
            assertThatThrownBy(() -> rodata.setBytes("origin", new byte[4]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it has 8 bytes, not 4");
            assertThatThrownBy(() -> rodata.set("origin", Codecs.INT32, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but the codec 4");
            assertThatThrownBy(() -> rodata.setLong("hidden", 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no such global variable");
            assertThatThrownBy(() -> open.data(".data").getLong("hidden"))
                    .as("a static variable is the object's own").isInstanceOf(IllegalArgumentException.class);

            assertThat(rodata.getLong("target_pid")).isEqualTo(4_000_000_000L);
            assertThat(rodata.getLong("small")).isEqualTo(255);
            assertThat(rodata.getLong("delta")).isEqualTo(-32768);
            assertThat(rodata.getLong("mask")).isEqualTo(-1);
            assertThat(rodata.getString("label")).isEqualTo("hello");
            assertThat(open.data(".data").getLong("seed")).as("the ELF's initial value").isEqualTo(9);

            try (BpfObject object = open.load()) {
                DataSectionView loaded = object.rodata();
                assertThat(loaded.getLong("target_pid")).isEqualTo(4_000_000_000L);
                assertThat(loaded.getBoolean("verbose")).isTrue();
                assertThat(loaded.getLong("mode")).isEqualTo(1);
                assertThat(loaded.get("origin", Codecs.INT64)).isEqualTo(7L);
                assertThat(loaded.get("origin")).as("the runtime codec of struct point")
                        .isInstanceOfSatisfying(StructValue.class, point -> {
                            assertThat(point.field("x")).contains(IntegerValue.of(ScalarKind.S32, 7));
                            assertThat(point.field("y")).contains(IntegerValue.of(ScalarKind.S32, 0));
                        });
                assertThat(loaded.get("target_pid")).isEqualTo(IntegerValue.of(ScalarKind.U32, 4_000_000_000L));
                assertThat(loaded.get("label")).isInstanceOfSatisfying(TextValue.class,
                        label -> assertThat(label.text()).isEqualTo("hello"));
                assertThat(loaded.get("mode")).isInstanceOfSatisfying(EnumValue.class,
                        mode -> assertThat(mode.name()).contains("MODE_ON"));
                assertThat(loaded.getBytes("label")).startsWith("hello".getBytes()).hasSize(8);
                int offset = loaded.spec().variable("target_pid").orElseThrow().offset();
                assertThat(Integer.toUnsignedLong(kernel.object("objects").data(".rodata").getInt(offset)))
                        .as("what the programs see").isEqualTo(4_000_000_000L);
                assertThatThrownBy(() -> loaded.buffer().putInt(offset, 1))
                        .isInstanceOf(ReadOnlyBufferException.class);
                assertThatThrownBy(() -> rodata.setLong("target_pid", 1)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("its Open phase has ended");
            }
        }
    }

    @Test
    void writableSectionsAreSharedLiveAndReadOnlyOnesOnlyRead(FakeKernel kernel) {
        try (BpfObject object = kernel.openBytes("objects", bytes()).load()) {
            FakeLoadedObject programs = kernel.object("objects");
            DataSection bss = object.bss();
            int hits = bss.spec().variable("hits").orElseThrow().offset();

            programs.data(".bss").putLong(hits, 41); // the program counting
            assertThat(bss.getLong("hits")).isEqualTo(41);
            bss.setLong("hits", 5);
            assertThat(programs.data(".bss").getLong(hits)).isEqualTo(5);
            assertThat(object.data(".data").getLong("seed")).isEqualTo(9);
            assertThatThrownBy(() -> object.data(".rodata")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is read-only after load");
            assertThat(object.section(".rodata").getLong("target_pid")).isZero();
            assertThat(object.sections()).extracting(DataSectionView::name).contains(".rodata", ".data", ".bss");
            assertThatThrownBy(() -> object.section(".nope")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no data section '.nope'");
        }
    }

    @Test
    void programsAreSwitchedOffByNameAndAttachAllAttachesTheRest(FakeKernel kernel) {
        try (OpenBpfObject open = kernel.openBytes("objects", bytes())) {
            assertThat(open.program("count").autoload()).isTrue();
            assertThatThrownBy(() -> open.program("count").logLevel(3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("level must be 0, 1 or 2, not 3");
            open.program("count").logLevel(1);
            open.program("pass").autoload(false);
            assertThatThrownBy(() -> open.program("absent")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has no program 'absent'");

            try (BpfObject object = open.load()) {
                List<BpfLink> links = object.attachAll();

                assertThat(links).hasSize(1);
                assertThat(kernel.isAttached("count", ProgramKind.TRACEPOINT, "syscalls/sys_enter_getpid")).isTrue();
                assertThat(object.program("pass").isLoaded()).isFalse();
                assertThatThrownBy(() -> object.program("pass").attach())
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("it was not loaded");
                assertThat(object.program("count").verifierLog()).as("the fake has no verifier").isEmpty();
                object.detachAll();
                assertThat(kernel.attachments()).isEmpty();
            }
        }
    }

    @Test
    void mapsAreTypedByNameOrUsedAsBytes(FakeKernel kernel) {
        try (BpfObject object = kernel.openBytes("objects", bytes()).load()) {
            new BpfHashMap<>(kernel.object("objects").map("counts"), Codecs.UINT32, Codecs.UINT64).put(42L, 3L);

            BpfHashMap<Long, Long> counts = object.hashMap("counts", Codecs.UINT32, Codecs.UINT64);
            assertThat(counts.snapshot()).containsEntry(42L, 3L);
            RawMap raw = object.map("counts");
            assertThat(raw.isOwned()).isFalse();
            byte[] key = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(0, 42).array();
            assertThat(raw.lookup(key)).hasValueSatisfying(value ->
                    assertThat(ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getLong(0)).isEqualTo(3));
            raw.update(key, new byte[8], UpdateFlag.EXIST);
            assertThat(counts.get(42L)).contains(0L);
            assertThat(raw.keys()).hasSize(1);
            assertThat(new BpfHashMap<>(raw, Codecs.UINT32, Codecs.UINT64).keys()).containsExactly(42L);

            assertThatThrownBy(() -> object.hashMap("counts", Codecs.UINT32, Codecs.UINT32))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key/value sizes 4/8");
            assertThatThrownBy(() -> object.ringBuffer("counts", Codecs.INT64))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a HASH map, not a ring");
            assertThatThrownBy(() -> object.map("absent")).isInstanceOf(BpfException.class)
                    .hasMessageContaining("absent");
        }
    }

    @Test
    void closingTheObjectClosesItsReadersLinksAndMaps(FakeKernel kernel) {
        BpfObject object = kernel.openBytes("objects", bytes()).load();
        RingBufferReader<Long> reader = object.ringBuffer("events", Codecs.INT64).reader();
        object.attachAll();
        kernel.object("objects").ring("events").push(Codecs.INT64, 7L);
        List<Long> seen = new ArrayList<>();
        assertThat(reader.drain(seen::add)).isEqualTo(1);
        assertThat(seen).containsExactly(7L);
        RawMap counts = object.map("counts");

        object.close();

        assertThat(kernel.openResources()).isEmpty();
        assertThat(kernel.attachments()).isEmpty();
        assertThatThrownBy(() -> counts.lookup(new byte[4])).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThatThrownBy(() -> object.ringBuffer("events", Codecs.INT64)).isInstanceOf(IllegalStateException.class);
        object.close(); // idempotent
    }

    @Test
    void aLoadThatFailsReleasesTheOpenObject(FakeKernel kernel) {
        kernel.rejectProgram("count", "0: invalid mem access");
        OpenBpfObject open = kernel.openBytes("objects", bytes());

        assertThatThrownBy(open::load).isInstanceOf(io.bpf4j.VerifierException.class);
        assertThat(kernel.openResources()).isEmpty();
        assertThatThrownBy(() -> open.rodata().setLong("small", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMapOpenedByIdIsTheCallersToClose(FakeKernel kernel) {
        try (BpfObject object = kernel.openBytes("objects", bytes()).load()) {
            object.hashMap("counts", Codecs.UINT32, Codecs.UINT64).put(1L, 2L);
            RawMap byId = kernel.openMapById(object.map("counts").id());

            assertThat(byId.isOwned()).isTrue();
            assertThat(new BpfHashMap<>(byId, Codecs.UINT32, Codecs.UINT64).get(1L)).contains(2L);
            assertThat(kernel.openResources()).hasSize(2);
            byId.close();
            assertThat(kernel.openResources()).hasSize(1);
        }
    }
}
