package io.bpf4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.RingBufferMemory;
import io.bpf4j.test.RequiresKernel;
import org.junit.jupiter.api.Test;

@RequiresKernel
class ResourceCycleTest {
    private static final int CYCLES = 200;

    @Test
    void openLoadAttachCloseCyclesLeakNothing() {
        NativeKernel kernel = new NativeKernel();
        byte[] elf = Fixtures.object(Fixtures.NATIVE);
        cycle(kernel, elf); // warm up: class loading may open jars
        long before = Fixtures.openFds();

        for (int i = 0; i < CYCLES; i++) {
            cycle(kernel, elf);
        }

        assertThat(Fixtures.openFds()).isEqualTo(before);
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
