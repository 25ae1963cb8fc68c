/**
 * The bpf4j annotation processor: {@link io.bpf4j.processor.SkeletonProcessor} turns
 * {@code @BpfSkeleton} into a typed skeleton class generated from the object's ELF and BTF.
 *
 * <p>The work is split by concern: {@code SkeletonRequest} (what the annotation asks for),
 * {@code ObjectLocator} (finding the object), {@code TypeMapper} (the value layout bpf-api's
 * {@code io.bpf4j.btf.value.ValueTypes} gives each BTF type → Java types and names), the models
 * it builds ({@code JavaType}, {@code RecordModel}, {@code EnumModel}), the generators of each
 * part of the skeleton ({@code RecordGenerator} for structs, {@code BytesRecordGenerator} for unions and structs too big for a record,
 * {@code EnumGenerator}, {@code ViewGenerator} for the
 * zero-allocation views, {@code MapAccessorGenerator} with {@code KeyValueMapAccessors} and
 * {@code EventMapAccessors} (one accessor per map, every map type: typed classes, or the
 * {@code RawMap} with the reason), {@code DataSectionGenerator},
 * {@code ProgramGenerator}), {@code FieldAccess} (the buffer code every generator shares) and
 * {@code SkeletonGenerator}, which assembles them. The skeleton is a typed wrapper over the object
 * layer ({@code io.bpf4j.object}): its parts are looked up once by name from the
 * {@code OpenBpfObject} or {@code BpfObject}, which own every resource; nothing the generated code
 * names is of the SPI. Every problem becomes a
 * {@code GenerationException}, reported as a javac error on the annotated type; a default the
 * generator chose (a ring buffer nothing binds, generated raw) a javac warning.
 *
 * <p>Objects come from third parties, and their names reach the source: {@code SourceText} is the
 * one encoder of object text in Javadoc, comments and string literals, {@code JavaNames} the one
 * mapping to identifiers (ASCII, valid, stable, distinct), {@code ReferencedNames} the simple
 * names no C type may take ({@code java.lang}'s, the imported ones), and
 * {@code ClassFileLimits} with {@code TypeMapper.MAX_DEPTH} the sizes checked before any code is
 * written. Messages are escaped for the terminal where they are reported.
 *
 * <p>What a C type is as a value — its scalar kind, offsets, bitfields, text, arrays, flexible
 * members, and what is refused and with which message — is decided by bpf-api's
 * {@code io.bpf4j.btf.value.ValueTypes}, the one rule set the runtime {@code BtfCodec} follows too,
 * so a generated {@code CODEC} and a {@code BtfCodec} read and write the same bytes alike. What a
 * C type becomes in Java, in short: integers keep their width when signed and widen when
 * unsigned ({@code u8}/{@code u16} → {@code int}, {@code u32} → {@code long}, {@code u64} →
 * {@code long} holding the 64 bits; 128-bit ones → {@code BigInteger}); pointers are {@code long}
 * addresses; {@code char[N]} is a {@code String} (up to N UTF-8 bytes, NUL-padded, on write, with
 * no terminating NUL needed, as C allows; views also copy the raw bytes); enums are held raw, with
 * a generated Java enum whose {@code of(value)} is empty for unknown values; bitfields have the
 * Java type of their declared type, sign-extended when it is signed; every write that narrows a
 * Java value to a C integer ({@code u8}, {@code u16}, {@code u32}, bitfields, 128-bit integers)
 * is range-checked with {@code io.bpf4j.codec.Ranges}, naming the C field;
 * structs are records and unions records of their bytes with one accessor and one factory per
 * member; an anonymous struct or union member is a component {@code anonN} of a generated type
 * {@code OwnerAnonN}; a flexible array member is left out of the fixed layout; offsets and padding
 * are BTF's, never recomputed; every struct and union type has a {@code CODEC} and a reusable
 * {@code View}. {@code TypeMapper} has the full rules.
 *
 * <p>Every struct and union gets its {@code View}, not only those a ring buffer or a data section
 * carries: a view reads the layout in any buffer that holds it, a raw map's lookup into a reused
 * buffer or a raw record as much as a ring's record, and a struct's view serves the views of the
 * structs that contain it; generating them only where this object uses them would make a type's
 * API depend on where the object happens to use it.
 */
package io.bpf4j.processor;
