package io.bpf4j.linux;

import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;

/**
 * attach_kinds.bpf.o loaded with this JVM as its target process: one program per attach kind, each
 * counting its runs in a {@link Counter} of {@code .bss}.
 */
final class AttachFixture implements AutoCloseable {
    static final String OBJECT = "attach_kinds.bpf.o";

    /** The fields of the fixture's {@code counts} struct, in order (8 bytes each). */
    enum Counter {
        TRACEPOINT, RAW_TRACEPOINT, TP_BTF, UPROBE, URETPROBE, PERF_EVENT, SOCKET, CGROUP_EGRESS, SOCK_CREATE,
        XDP, XDP_SECOND, TC, TCX, URETPROBE_VALUE
    }

    final LoadedObject loaded;

    private AttachFixture(LoadedObject loaded) {
        this.loaded = loaded;
    }

    static AttachFixture load(NativeKernel kernel) {
        try (OpenObject open = kernel.openObject("attach_kinds", Fixtures.object(OBJECT))) {
            open.initialData(".rodata").putInt(0, (int) ProcessHandle.current().pid());
            return new AttachFixture(open.load());
        }
    }

    long count(Counter counter) {
        return loaded.data(".bss").getLong(8 * counter.ordinal());
    }

    @Override
    public void close() {
        loaded.close();
    }
}
