package io.bpf4j.bench;

import io.bpf4j.BpfSkeleton;

/** Generates {@link RingbufDrainSkel} from {@code ringbuf_drain.bpf.o} (built from src/main/bpf). */
@BpfSkeleton("ringbuf_drain.bpf.o")
final class RingbufDrain {
    private RingbufDrain() {}
}
