/**
 * The bpf4j annotation processor: {@link io.bpf4j.processor.SkeletonProcessor} turns
 * {@code @BpfSkeleton} into a typed skeleton class generated from the object's ELF and BTF.
 *
 * <p>The work is split by concern: {@code SkeletonRequest} (what the annotation asks for),
 * {@code ObjectLocator} (finding the object), {@code TypeMapper} (BTF types → Java types and
 * records), the generators of each part of the skeleton ({@code RecordGenerator},
 * {@code MapAccessorGenerator}, {@code DataSectionGenerator}, {@code ProgramGenerator}) and
 * {@code SkeletonGenerator}, which assembles them. Every problem becomes a
 * {@code GenerationException}, reported as a javac error on the annotated type.
 */
package io.bpf4j.processor;
