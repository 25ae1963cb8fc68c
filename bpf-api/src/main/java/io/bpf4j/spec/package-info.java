/**
 * What a compiled BPF object declares, read without a kernel: its programs, BTF-defined maps,
 * global-variable data sections and license. {@link io.bpf4j.spec.ObjectSpec#read(String, byte[])}
 * builds the model from an ELF file with the ELF and BTF readers, applying the same data-section
 * fix-ups libbpf applies at open time, so sizes and offsets match what the loader will use.
 */
package io.bpf4j.spec;
