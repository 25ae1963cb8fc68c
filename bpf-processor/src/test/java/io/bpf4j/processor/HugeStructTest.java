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
 * A struct with more members than a record's constructor can take ({@code huge.bpf.c}) is held as
 * its bytes, like a union: it compiles, and is built and read through its {@code View}.
 */
class HugeStructTest {
    private static final JavaFileObject SCENARIO = JavaFileObjects.forSourceString("p.HugeScenario", """
            package p;

            import io.bpf4j.BpfSkeleton;
            import io.bpf4j.Kernel;
            import java.nio.ByteBuffer;
            import java.nio.ByteOrder;
            import java.util.List;
            import java.util.function.Function;

            @BpfSkeleton(value = "huge.bpf.o", name = "HugeSkel")
            public final class HugeScenario implements Function<Kernel, List<Object>> {
                @Override
                public List<Object> apply(Kernel kernel) {
                    ByteBuffer buffer = ByteBuffer.allocate(HugeSkel.Huge.SIZE).order(ByteOrder.nativeOrder());
                    new HugeSkel.Huge.View().wrap(buffer, 0).f00(-1L).f167(7).bytes_(65);
                    HugeSkel.Huge huge = HugeSkel.Huge.CODEC.decode(buffer, 0);
                    try (HugeSkel skel = HugeSkel.open(kernel).load()) {
                        skel.bss().huge(huge);
                        return List.of(huge.f00(), huge.f167(), huge.bytes_(), huge.bytes().length,
                                skel.bss().huge().equals(huge), skel.bss().hugeView().f167());
                    }
                }
            }
            """);

    @Test
    @SuppressWarnings("unchecked")
    void isHeldAsItsBytesAndBuiltThroughItsView() throws ReflectiveOperationException {
        Compilation compilation = Fixtures.compile(SCENARIO);
        assertThat(compilation).succeededWithoutWarnings();
        ClassLoader loader = new CompiledClasses(compilation.generatedFiles(), HugeStructTest.class.getClassLoader());
        Function<Kernel, List<Object>> scenario = (Function<Kernel, List<Object>>)
                loader.loadClass("p.HugeScenario").getConstructor().newInstance();

        assertThat(scenario.apply(Backends.kernel(new TinyKernel()))).containsExactly(-1L, 7L, 65L, 1096, true, 7L);
    }
}
