package io.bpf4j.linux;

import io.bpf4j.BpfSkeleton;

/** Generates {@code KconfigFixtureSkel} for the object with {@code .kconfig} externs. */
@BpfSkeleton("/kconfig_fixture.bpf.o")
final class KconfigFixture {
    private KconfigFixture() {}
}
