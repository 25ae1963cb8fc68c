/**
 * A reader of BTF, the BPF Type Format that describes the types of a BPF object's maps,
 * variables and functions. {@link io.bpf4j.btf.Btf#parse(java.nio.ByteBuffer)} decodes a
 * {@code .BTF} section into {@link io.bpf4j.btf.BtfType} records and checks every type id and
 * string offset, so malformed input ends in a {@link io.bpf4j.btf.BtfFormatException}.
 */
package io.bpf4j.btf;
