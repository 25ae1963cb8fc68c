package io.bpf4j.linux;

import io.bpf4j.BpfSkeleton;

/** Generates {@code LifetimeFixtureSkel} for the close-race stress tests' object. */
@BpfSkeleton("/lifetime_fixture.bpf.o")
final class LifetimeFixture {
    private LifetimeFixture() {}
}
