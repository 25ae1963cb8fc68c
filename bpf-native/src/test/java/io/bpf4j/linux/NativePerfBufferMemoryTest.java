package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.bpf4j.Errno;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.spi.Backends;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.test.RequiresKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Perf buffers open events only on online CPUs, as libbpf does. This machine's CPUs are not taken
 * offline for the test (others run on them); the buffer is opened with a CPU set that lacks CPU 1
 * instead, which is exactly what an offline CPU 1 looks like to it.
 */
class NativePerfBufferMemoryTest {
    private static final int PID = (int) ProcessHandle.current().pid();

    @Test
    void cpuListsParseToTheirCpus() {
        BitSet cpus = OnlineCpus.parse("0-2,5,7-8\n");

        assertThat(cpus.stream().toArray()).containsExactly(0, 1, 2, 5, 7, 8);
        assertThatThrownBy(() -> OnlineCpus.parse("3-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad CPU range '3-1'");
        assertThatThrownBy(() -> OnlineCpus.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty CPU list");
    }

    @Test
    @RequiresKernel
    void theOnlineCpusAreThoseTheKernelLists() throws Exception {
        String listed = Files.readString(Path.of("/sys/devices/system/cpu/online"));

        assertThat(OnlineCpus.read()).isEqualTo(OnlineCpus.parse(listed));
        assertThat(OnlineCpus.read().get(0)).isTrue();
    }

    @Test
    @RequiresKernel
    void anOfflineCpuGetsNoEventAnEmptySlotAndAnEmptyRing() {
        assumeTwoCpus();
        BitSet onlyCpu0 = new BitSet();
        onlyCpu0.set(0);
        try (LoadedObject loaded = EventChannelsKernelTest.load()) {
            loaded.attach("emit");
            int mapFd = loaded.map("samples").fd();
            NativePerfBufferMemory memory = NativePerfBufferMemory.open("samples", mapFd, 2, onlyCpu0, 8, closed -> { });
            try (PerfBufferReader<ChannelEvent> reader = Backends.perfBufferReader("samples", memory,
                    ChannelEvent.CODEC, LostHandler.IGNORE)) {
                assertThat(memory.cpuCount()).isEqualTo(2);
                assertThat(memory.serves(0)).isTrue();
                assertThat(memory.serves(1)).isFalse();
                // Deleting finds nothing in CPU 1's slot: no event was plugged in there.
                assertThat(BpfSyscall.delete(mapFd, Fixtures.u32(1), Integer.BYTES)).isEqualTo(Errno.ENOENT);

                try (CpuPinning onCpu1 = CpuPinning.pinTo(1)) {
                    Fixtures.getpid(); // its sample has nowhere to go
                }
                try (CpuPinning onCpu0 = CpuPinning.pinTo(0)) {
                    Fixtures.getpid();
                }
                List<ChannelEvent> seen = new ArrayList<>();
                reader.drain(seen::add);

                assertThat(seen).extracting(ChannelEvent::seq).containsExactly(2L);
                assertThat(seen).allSatisfy(e -> assertThat(e.tgid()).isEqualTo(PID));
                assertThat(reader.lostSamples()).isZero();
            }
        }
    }

    private static void assumeTwoCpus() {
        assumeTrue(OnlineCpus.read().cardinality() >= 2,
                "needs two online CPUs to leave one out");
    }
}
