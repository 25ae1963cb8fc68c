/**
 * {@code bpf4j gen}: skeleton generation outside javac, the counterpart of
 * {@code bpftool gen skeleton}. {@link io.bpf4j.processor.cli.GenerateCommand} runs the real
 * annotation processor in-process over a stub per object, so its output is the processor's by
 * construction; {@link io.bpf4j.processor.cli.ExtractCommand} cuts the BPF objects embedded in
 * binaries (such as libbpf-tools') out, to generate skeletons for them;
 * {@link io.bpf4j.processor.cli.Main} is the executable jar's entry point over both and
 * {@code vmlinux} (bpf-api's vmlinux.h writer).
 */
package io.bpf4j.processor.cli;
