package io.bpf4j.examples.minimal;

import io.bpf4j.BpfSkeleton;

/** Generates {@link MinimalSkel} from {@code minimal.bpf.o} (built from src/main/bpf). */
@BpfSkeleton("minimal.bpf.o")
final class Minimal {
    private Minimal() {}
}
