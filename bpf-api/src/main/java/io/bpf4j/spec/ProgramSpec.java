package io.bpf4j.spec;

import java.util.Objects;

/**
 * A BPF program of an object: a global function in an executable section.
 *
 * @param name the function's name
 * @param sectionName the ELF section it lives in: its {@code SEC()} name
 * @param instructionCount number of 8-byte instructions (before relocation)
 * @param kind the kind of program, from the section name
 * @param attachTarget what the section name says to attach to, "" when it says nothing (see
 *     {@link SectionName#target()})
 */
public record ProgramSpec(String name, String sectionName, int instructionCount, ProgramKind kind,
                          String attachTarget) {
    /** Checks the parts are present. */
    public ProgramSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sectionName, "sectionName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attachTarget, "attachTarget");
    }

    /**
     * Whether attaching the whole object ({@code attachAll()}, a skeleton's {@code attach()})
     * attaches this program: its kind {@linkplain ProgramKind#attachesBySectionName attaches by its
     * section name} and the name carries a target.
     */
    public boolean autoAttaches() {
        return kind.attachesBySectionName() && !attachTarget.isEmpty();
    }
}
