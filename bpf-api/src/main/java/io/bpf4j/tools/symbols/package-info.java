/**
 * Symbolizers for stack traces: {@link io.bpf4j.tools.symbols.KernelSymbols} (from
 * {@code /proc/kallsyms}), {@link io.bpf4j.tools.symbols.UserSymbols} (a process's
 * {@code /proc/PID/maps} and the ELF symbol tables of its executable and libraries, load bias
 * included) and {@link io.bpf4j.tools.symbols.StackFormatter}, which turns the instruction
 * pointers of a stack-trace map entry into printable lines.
 */
package io.bpf4j.tools.symbols;
