/**
 * The kernel's trace pipe, where {@code bpf_printk} output appears
 * ({@link io.bpf4j.trace.TracePipe}, opened with {@link io.bpf4j.Kernel#openTracePipe()}).
 */
package io.bpf4j.trace;
