package io.bpf4j.linux;

import io.bpf4j.BpfSkeleton;

/** Generates {@code PinFixtureSkel} for the object with a map pinned by name. */
@BpfSkeleton("/pin_fixture.bpf.o")
final class PinFixture {
    private PinFixture() {}
}
