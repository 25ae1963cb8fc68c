package io.bpf4j.perfbuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bpf4j.UnsupportedFeatureException;
import io.bpf4j.codec.Codecs;
import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.PerfBufferAccess;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.PerfBufferMemory;
import io.bpf4j.spi.ProgramHandle;
import io.bpf4j.spi.RingBufferMemory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpfPerfBufferTest {
    /** An object of a backend that implements only what every backend must. */
    private static class MinimalObject implements LoadedObject {
        @Override public MapHandle map(String name) { throw new UnsupportedOperationException(); }
        @Override public ProgramHandle program(String name) { throw new UnsupportedOperationException(); }
        @Override public ByteBuffer data(String sectionName) { throw new UnsupportedOperationException(); }
        @Override public LinkHandle attach(String programName) { throw new UnsupportedOperationException(); }
        @Override public RingBufferMemory ringBuffer(String mapName) { throw new UnsupportedOperationException(); }
        @Override public void close() { }
    }

    /** An object handing out the perf buffer memory a test prepared. */
    private static final class ObjectWithPerfBuffer extends MinimalObject {
        PerfBufferMemory memory;
        int pagesAsked;

        @Override
        public PerfBufferMemory perfBuffer(String mapName, int pagesPerCpu) {
            pagesAsked = pagesPerCpu;
            return memory;
        }
    }

    private final ObjectWithPerfBuffer object = new ObjectWithPerfBuffer();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final BpfPerfBuffer<Integer> perf = Bridge.get(PerfBufferAccess.class, BpfPerfBuffer.class)
            .perfBuffer(object, "samples", Codecs.INT32, owned::add);

    @Test
    void aReaderIsHandedToItsOwnerWithTheDefaultSize() {
        object.memory = new InMemoryPerfBuffer(2, 4096);

        PerfBufferReader<Integer> reader = perf.reader();

        assertThat(owned).containsExactly(reader);
        assertThat(object.pagesAsked).isEqualTo(BpfPerfBuffer.DEFAULT_PAGES_PER_CPU);
        assertThat(reader.name()).isEqualTo("samples");
        assertThat(perf.recordSize()).isEqualTo(4);
    }

    @Test
    void memoryTheReaderRefusesIsClosedAtOnce() {
        InMemoryPerfBuffer odd = new InMemoryPerfBuffer(1, 48);
        object.memory = odd;

        assertThatThrownBy(() -> perf.reader(1, LostHandler.IGNORE)).hasMessageContaining("is not a power of two");

        assertThat(odd.closes).isEqualTo(1);
        assertThat(owned).isEmpty();
    }

    @Test
    void aBackendWithoutPerfBuffersSaysSo() {
        LoadedObject plain = new MinimalObject();
        assertThatThrownBy(() -> plain.perfBuffer("samples", 8))
                .isExactlyInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("opening perf buffer 'samples' not supported by this backend");
    }
}
