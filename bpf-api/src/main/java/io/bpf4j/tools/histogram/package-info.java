/**
 * Histograms as BCC prints them: {@link io.bpf4j.tools.histogram.Log2Histogram} and
 * {@link io.bpf4j.tools.histogram.LinearHistogram} hold the counts a BPF program collected,
 * {@link io.bpf4j.tools.histogram.HistogramFormatter} turns them into the exact text of BCC's
 * {@code print_log2_hist} / {@code print_linear_hist} (or of libbpf-tools' C versions), per-key
 * sections included, and {@link io.bpf4j.tools.histogram.IntervalPrinter} separates the output
 * of periodic tools. Nothing here writes to standard output on its own.
 */
package io.bpf4j.tools.histogram;
