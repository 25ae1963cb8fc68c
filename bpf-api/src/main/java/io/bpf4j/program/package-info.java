/**
 * Loaded programs ({@link io.bpf4j.program.BpfProgram}), the links that attach them
 * ({@link io.bpf4j.program.BpfLink}), where to attach ({@link io.bpf4j.program.AttachTarget}),
 * test runs and what the kernel says about a program ({@link io.bpf4j.program.ProgramInfo},
 * {@link io.bpf4j.program.RunStatistics}).
 */
package io.bpf4j.program;
