package io.bpf4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.bpf4j.Kernel;
import io.bpf4j.spi.Backends;
import java.util.function.Function;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every generated setter and codec that narrows a Java value to a C integer refuses a value out of
 * its range with an {@code IllegalArgumentException} naming the C field, and writes one in range
 * unchanged: {@code .rodata} setters, view setters (scalars, bitfields, enums held raw, array
 * elements) and record codecs.
 */
class NarrowingTest {
    private static final JavaFileObject SCENARIO = JavaFileObjects.forSourceString("p.Narrowing", """
            package p;

            import io.bpf4j.BpfSkeleton;
            import io.bpf4j.Kernel;
            import java.nio.ByteBuffer;
            import java.nio.ByteOrder;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.function.Function;

            @BpfSkeleton(value = "hostile.bpf.o", name = "HostileSkel")
            public final class Narrowing implements Function<Kernel, List<String>> {
                private final List<String> seen = new ArrayList<>();

                @Override
                public List<String> apply(Kernel kernel) {
                    try (HostileSkel.Open open = HostileSkel.open(kernel)) {
                        attempt(() -> open.rodata().victimRodata((1L << 32) + 5));
                        seen.add("rodata " + open.rodata().victimRodata(4294967295L).victimRodata());
                    }
                    ByteBuffer buffer =
                            ByteBuffer.allocate(HostileSkel.VictimStruct.SIZE).order(ByteOrder.nativeOrder());
                    HostileSkel.VictimStruct.View view = new HostileSkel.VictimStruct.View().wrap(buffer, 0);
                    attempt(() -> view.victimSmall(256));
                    attempt(() -> view.victimMedium(-1));
                    attempt(() -> view.victimMember(-1L));
                    attempt(() -> view.victimBits(8));
                    attempt(() -> view.victimSignedBits(-17));
                    attempt(() -> view.victimKind(1L << 32));
                    attempt(() -> view.victimArray(1, 1L << 32));
                    view.victimSmall(255).victimMedium(65535).victimBits(7).victimSignedBits(-16)
                            .victimArray(1, 4294967295L);
                    seen.add("view " + view.victimSmall() + " " + view.victimMedium() + " " + view.victimBits() + " "
                            + view.victimSignedBits() + " " + view.victimArray(1));
                    HostileSkel.VictimStruct record = new HostileSkel.VictimStruct(1, 300, 2, 3, 4, "text", 1, 5,
                            new long[] {6, 7});
                    attempt(() -> HostileSkel.VictimStruct.CODEC.encode(record, buffer, 0));
                    return seen;
                }

                private void attempt(Runnable write) {
                    try {
                        write.run();
                        seen.add("written");
                    } catch (IllegalArgumentException e) {
                        seen.add(e.getMessage());
                    }
                }
            }
            """);

    @Test
    @SuppressWarnings("unchecked")
    void outOfRangeValuesAreRefusedNamingTheField() throws ReflectiveOperationException {
        Compilation compilation = Fixtures.compile(SCENARIO);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new CompiledClasses(compilation.generatedFiles(), NarrowingTest.class.getClassLoader());
        Function<Kernel, List<String>> scenario = (Function<Kernel, List<String>>)
                loader.loadClass("p.Narrowing").getConstructor().newInstance();

        assertThat(scenario.apply(Backends.kernel(new TinyKernel()))).containsExactly(
                "victim_rodata: 4294967301 is out of range 0 to 4294967295 (u32)",
                "rodata 4294967295",
                "victim_small: 256 is out of range 0 to 255 (u8)",
                "victim_medium: -1 is out of range 0 to 65535 (u16)",
                "victim_member: -1 is out of range 0 to 4294967295 (u32)",
                "victim_bits: 8 is out of range 0 to 7 (3-bit unsigned bitfield)",
                "victim_signed_bits: -17 is out of range -16 to 15 (5-bit signed bitfield)",
                "victim_kind: 4294967296 is out of range 0 to 4294967295 (u32)",
                "victim_array: 4294967296 is out of range 0 to 4294967295 (u32)",
                "view 255 65535 7 -16 4294967295",
                "victim_small: 300 is out of range 0 to 255 (u8)");
    }
}
