package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.test.RequiresKernel;
import java.util.function.Supplier;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 4's reliability clause: 1,000 open → load → attach → close cycles leave nothing behind. */
@RequiresKernel
class ResourceCycleTest {
    private static final int CYCLES = 1_000;
    private static final long SETTLE_NANOS = 5_000_000_000L;

    @Test
    void openLoadAttachCloseCyclesLeakNothing() {
        NativeKernel kernel = new NativeKernel();
        byte[] elf = Fixtures.object(Fixtures.NATIVE);
        cycle(kernel, elf); // warm up: class loading may open jars
        long fds = Fixtures.openFds();
        Set<Integer> programs = KernelObjectIds.programs();
        Set<Integer> maps = KernelObjectIds.maps();
        Set<Integer> links = KernelObjectIds.links();

        for (int i = 0; i < CYCLES; i++) {
            cycle(kernel, elf);
        }

        assertThat(Fixtures.openFds()).as("open file descriptors").isEqualTo(fds);
        assertThat(settled(KernelObjectIds::programs, programs)).as("kernel program ids").isSubsetOf(programs);
        assertThat(settled(KernelObjectIds::maps, maps)).as("kernel map ids").isSubsetOf(maps);
        assertThat(settled(KernelObjectIds::links, links)).as("kernel link ids").isSubsetOf(links);
    }

    /**
     * The ids now, once those made by the test are gone: the kernel frees an object after its last
     * descriptor closes, but maps through deferred work, so the last cycle's may linger briefly.
     */
    private static Set<Integer> settled(Supplier<Set<Integer>> ids, Set<Integer> before) {
        long end = System.nanoTime() + SETTLE_NANOS;
        Set<Integer> now = ids.get();
        while (!before.containsAll(now) && System.nanoTime() < end) {
            Thread.onSpinWait();
            now = ids.get();
        }
        return now;
    }

    /** Leaves the link and ring buffer to the object's close, as a careless caller would. */
    private static void cycle(NativeKernel kernel, byte[] elf) {
        try (OpenObject open = kernel.openObject("native_fixture", elf)) {
            open.initialData(".rodata").putInt(0, (int) ProcessHandle.current().pid());
            try (LoadedObject loaded = open.load()) {
                loaded.attach("count_getpid");
                RingBufferMemory ring = loaded.ringBuffer("events");
                Fixtures.getpid();
                assertThat(ring.producerPosition().getLong(0)).isPositive();
                assertThat(loaded.data(".bss").getLong(0)).isEqualTo(1);
            }
        }
    }
}
