/**
 * A small, strict reader of the ELF files clang writes for BPF: little-endian ELF64 relocatable
 * objects for {@code EM_BPF}. {@link io.bpf4j.elf.ElfFile} exposes sections, symbols and section
 * contents; every offset and size is checked against the file before use, so malformed input ends
 * in an {@link io.bpf4j.elf.ElfFormatException} instead of a runtime exception.
 */
package io.bpf4j.elf;
