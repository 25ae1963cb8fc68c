package io.bpf4j.features;

import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ProgramKind;
import java.util.Optional;

/**
 * What the running kernel can really do, found by trying: loading tiny programs, creating maps and
 * attaching where that is harmless. Answers are cached, so asking twice costs nothing.
 *
 * <p>Obtained from {@link io.bpf4j.spi.KernelBackend#features()}. A {@code false} answer comes with
 * a reason from {@link #whyNot(ProgramKind)} when the backend knows it (e.g.
 * {@code "kprobes: CONFIG_KPROBES is not set"}).
 */
public interface KernelFeatures {
    /** Whether programs of this kind load (the kernel knows their program type). */
    boolean programType(ProgramKind kind);

    /** Whether maps of this type can be created. */
    boolean mapType(MapType type);

    /**
     * Whether programs of this kind may call a helper.
     *
     * @param helperName the helper's name with or without its {@code bpf_} prefix, e.g.
     *     {@code "bpf_ringbuf_output"}
     * @throws IllegalArgumentException when the kernel knows no helper of that name
     */
    boolean helper(ProgramKind kind, String helperName);

    /** Whether programs of this kind both load and attach here. */
    boolean attachKind(ProgramKind kind);

    /** Why programs of this kind cannot load or attach here; empty when they can. */
    Optional<String> whyNot(ProgramKind kind);
}
