/**
 * BPF perf buffers ({@code BPF_MAP_TYPE_PERF_EVENT_ARRAY}) read in Java from each CPU's mmap'd
 * perf ring: no native call per record, a zero-allocation view path beside the typed record path,
 * and the samples the kernel dropped counted per CPU.
 */
package io.bpf4j.perfbuf;
