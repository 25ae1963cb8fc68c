package io.bpf4j.test.fake;

import io.bpf4j.features.KernelFeatures;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ProgramKind;
import java.util.function.Supplier;
import java.util.Map;
import java.util.Optional;

/**
 * The fake kernel's feature answers: everything is there except the attach kinds a test removed
 * with {@link FakeKernel#withoutFeature}, which load but do not attach (as kprobes on a kernel
 * without CONFIG_KPROBES).
 */
final class FakeFeatures implements KernelFeatures {
    private final Supplier<Map<ProgramKind, String>> missing;

    FakeFeatures(Supplier<Map<ProgramKind, String>> missing) {
        this.missing = missing;
    }

    @Override
    public boolean programType(ProgramKind kind) {
        return kind != ProgramKind.UNKNOWN;
    }

    @Override
    public boolean mapType(MapType type) {
        return type != MapType.UNSPEC;
    }

    @Override
    public boolean helper(ProgramKind kind, String helperName) {
        return programType(kind);
    }

    @Override
    public boolean attachKind(ProgramKind kind) {
        return programType(kind) && !missing.get().containsKey(kind);
    }

    @Override
    public Optional<String> whyNot(ProgramKind kind) {
        if (kind == ProgramKind.UNKNOWN) {
            return Optional.of("the section name names no known program kind");
        }
        return Optional.ofNullable(missing.get().get(kind));
    }
}
