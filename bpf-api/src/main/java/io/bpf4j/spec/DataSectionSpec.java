package io.bpf4j.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A data section of global variables ({@code .rodata}, {@code .data}, {@code .bss}, their
 * {@code .rodata.*}, {@code .data.*} and {@code .bss.*} variants, or {@code .kconfig}), which the
 * loader turns into an array map.
 *
 * @param name the section name
 * @param size size in bytes
 * @param readOnly whether BPF programs cannot write it ({@code .rodata*} and {@code .kconfig})
 * @param variables the variables by increasing offset
 */
public record DataSectionSpec(String name, int size, boolean readOnly, List<VariableSpec> variables) {
    /** Copies the variables. */
    public DataSectionSpec {
        Objects.requireNonNull(name, "name");
        variables = List.copyOf(variables);
    }

    /** The variable called {@code name}. */
    public Optional<VariableSpec> variable(String name) {
        return variables.stream().filter(variable -> variable.name().equals(name)).findFirst();
    }
}
