package io.bpf4j.linux;

import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.OpenObject;
import java.nio.ByteBuffer;

/**
 * maps_fixture.bpf.o loaded into the kernel: one map of every type, and the getpid(2) program that
 * reports into the {@code state} struct of {@code .bss} (offsets as in the C source).
 */
final class MapsFixture implements AutoCloseable {
    static final String OBJECT = "maps_fixture.bpf.o";

    private static final int TARGET_TGID = 0;
    private static final int TAIL_CALLS = 4;
    private static final int KERNEL_STACK_ID = 8;
    private static final int USER_STACK_ID = 16;
    private static final int UNDER_CGROUP_0 = 24;
    private static final int UNDER_CGROUP_1 = 32;
    private static final int INNER_VIA_ARRAY = 40;
    private static final int INNER_VIA_HASH = 48;

    final NativeKernel kernel = new NativeKernel();
    final LoadedObject loaded;
    private final ByteBuffer state;

    MapsFixture() {
        try (OpenObject open = kernel.openObject("maps_fixture", Fixtures.object(OBJECT))) {
            loaded = open.load();
        }
        state = loaded.data(".bss");
    }

    MapHandle map(String name) {
        return loaded.map(name);
    }

    /** Attaches the getpid program, recording this process only. */
    LinkHandle attachForThisProcess() {
        state.putInt(TARGET_TGID, (int) ProcessHandle.current().pid());
        return loaded.attach("on_getpid");
    }

    /** Calls getpid(2) {@code times} times. */
    static void getpid(int times) {
        for (int i = 0; i < times; i++) {
            Fixtures.getpid();
        }
    }

    int tailCalls() {
        return state.getInt(TAIL_CALLS);
    }

    long kernelStackId() {
        return state.getLong(KERNEL_STACK_ID);
    }

    long userStackId() {
        return state.getLong(USER_STACK_ID);
    }

    long underCgroup(int index) {
        return state.getLong(index == 0 ? UNDER_CGROUP_0 : UNDER_CGROUP_1);
    }

    long innerViaArray() {
        return state.getLong(INNER_VIA_ARRAY);
    }

    long innerViaHash() {
        return state.getLong(INNER_VIA_HASH);
    }

    @Override
    public void close() {
        loaded.close();
    }
}
