package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

/**
 * Third-party objects generate as they are: a ring buffer whose record type the convention cannot
 * choose (two {@code unused_} pointers, as in libbpf-tools' mountsnoop) is generated raw with one
 * warning naming the candidates and how to bind one, and the structs of the pointers still get
 * their records. Crafted from {@code hostile.bpf.o} by renaming its second pointer.
 */
class RingBufferDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void anAmbiguousRingBufferIsRawWithAWarningAndBothRecordsExist() throws IOException {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture()).rename("victim_pointer", "unused_second");

        Compilation compilation = compile(object);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation).hadWarningContaining("bpf4j: p/hostile.bpf.o: ring buffer 'victim_ring' has no "
                + "record type (the object has 2 unused_ pointers, so the convention cannot choose: unused_second "
                + "-> struct victim_struct, unused_victim -> struct victim_event); it is generated raw (records as "
                + "bytes, read through the reader's view path); to type it, bind its record struct with "
                + "@BpfSkeleton(events = @EventType(map = \"victim_ring\", struct = \"victim_struct\")) "
                + "(bpf4j gen: --event victim_ring=victim_struct), or @EventType(map = \"victim_ring\", raw = true) "
                + "(--event victim_ring=:raw) to keep it raw without this warning");
        assertThat(HostileObjects.source(compilation)).contains(
                "public BpfRingBuffer<Void> victimRing()",
                // Reachable only through unused_victim: still a record, so raw records can be decoded.
                "public record VictimEvent(long victimPid, long victimTs)",
                "public record VictimStruct(");
    }

    @Test
    void aPointerStructThatCannotBeTypedIsLeftOutWithAWarning() throws IOException {
        ObjectRewriter object = ObjectRewriter.of(HostileObjects.fixture()).rename("victim_pointer", "unused_second");
        int opaque = object.append(7, "opaque", 0, 0); // FWD: declared, never defined
        object.setMemberType(object.typeId(ObjectRewriter.STRUCT, "victim_event"), "victim_ts", opaque);

        Compilation compilation = compile(object);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(2);
        assertThat(compilation).hadWarningContaining("bpf4j: p/hostile.bpf.o: the struct of an unused_ pointer "
                + "(struct victim_event): struct victim_event, member 'victim_ts' (struct opaque): struct opaque is "
                + "only declared, not defined, so its layout is unknown; it gets no record");
        assertThat(HostileObjects.source(compilation)).doesNotContain("VictimEvent")
                .doesNotContain("Opaque").contains("public record VictimStruct(");
    }

    /** Compiles against {@code object}, warnings left warnings. */
    private Compilation compile(ObjectRewriter object) throws IOException {
        Path file = dir.resolve("p/hostile.bpf.o");
        Files.createDirectories(file.getParent());
        Files.write(file, object.bytes());
        return javac()
                .withProcessors(new SkeletonProcessor())
                .withOptions("-Xlint:all,-processing", "-A" + ObjectLocator.OBJECT_DIRS + "=" + dir)
                .compile(Fixtures.annotated("Hostile", "@BpfSkeleton(\"hostile.bpf.o\")"));
    }
}
