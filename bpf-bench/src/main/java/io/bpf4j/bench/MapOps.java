package io.bpf4j.bench;

import io.bpf4j.BpfSkeleton;

/** Generates {@link MapOpsSkel} from {@code map_ops.bpf.o} (built from src/main/bpf). */
@BpfSkeleton("map_ops.bpf.o")
final class MapOps {
    private MapOps() {}
}
