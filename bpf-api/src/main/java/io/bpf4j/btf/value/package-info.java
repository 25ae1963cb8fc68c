/**
 * What a BTF type is as a value, and a codec for any such value.
 *
 * <p>{@link io.bpf4j.btf.value.ValueTypes} holds the one set of layout rules: which C scalar a
 * BTF integer, enum, pointer or float is ({@link io.bpf4j.btf.value.ScalarKind}, with the Java
 * type that holds it), where each member of a struct or union lies (BTF's offsets, bitfields,
 * anonymous members, flexible array members left out), which arrays are {@code char[N]} text, and
 * what has no value layout at all, refused with an
 * {@link io.bpf4j.btf.value.UnsupportedTypeException}. It computes a
 * {@link io.bpf4j.btf.value.ValueType}; the annotation processor maps that model to the records
 * of generated skeletons, and {@link io.bpf4j.btf.value.BtfCodec} reads and writes it at run time,
 * so both agree on every byte.
 *
 * <p>{@link io.bpf4j.btf.value.BtfCodec} decodes into a {@link io.bpf4j.btf.value.BtfValue}: a
 * tree of structs (members in declaration order, with their C names), arrays and leaves (integers
 * with their signedness, enums with their names, text with its raw bytes, bools, floating-point
 * numbers), meant to be printed, flattened ({@link io.bpf4j.btf.value.StructValue#flatten()}) or
 * serialised by whoever knows nothing of the type in advance, such as a tool showing the events of
 * an object it has never seen. {@link io.bpf4j.btf.value.BtfCodecs} makes codecs for an object's
 * map keys and values, variables and structs by name.
 *
 * <p>Every name here comes from the object: the values and types hold it raw, and messages meant
 * for terminals and logs escape it ({@link io.bpf4j.text.Printable}); {@link
 * io.bpf4j.btf.value.CTypeNames} spells types as C does, with long names cut.
 */
package io.bpf4j.btf.value;
