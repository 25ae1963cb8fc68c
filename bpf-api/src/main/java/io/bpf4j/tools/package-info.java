/**
 * Helpers for tool writers: trace_pipe parsing ({@link io.bpf4j.tools.TraceLine}); BCC-identical
 * histograms in {@link io.bpf4j.tools.histogram}; kernel and user symbolizers for stack traces in
 * {@link io.bpf4j.tools.symbols}.
 */
package io.bpf4j.tools;
