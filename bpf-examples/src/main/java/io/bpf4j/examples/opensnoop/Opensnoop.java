package io.bpf4j.examples.opensnoop;

import io.bpf4j.BpfSkeleton;

/** Generates {@link OpensnoopSkel} from {@code opensnoop.bpf.o} (built from src/main/bpf). */
@BpfSkeleton("opensnoop.bpf.o")
final class Opensnoop {
    private Opensnoop() {}
}
