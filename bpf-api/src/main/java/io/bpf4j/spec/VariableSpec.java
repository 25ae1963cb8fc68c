package io.bpf4j.spec;

import java.util.Objects;

/**
 * A global or static variable of a data section.
 *
 * @param name the variable's name
 * @param offset byte offset inside its data section
 * @param size size in bytes
 * @param typeId BTF type of the variable as declared, qualifiers included (e.g. {@code const
 *     volatile int})
 * @param global whether it is visible outside the object (BTF linkage other than static)
 */
public record VariableSpec(String name, int offset, int size, int typeId, boolean global) {
    /** Checks the name is present. */
    public VariableSpec {
        Objects.requireNonNull(name, "name");
    }
}
