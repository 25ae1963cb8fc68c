/**
 * BPF objects without generated code: open one from a {@link io.bpf4j.object.ObjectSource} in a
 * {@link io.bpf4j.Kernel}, set its data sections and programs in the Open phase
 * ({@link io.bpf4j.object.OpenBpfObject}), load it into a {@link io.bpf4j.object.BpfObject} and
 * use its maps, programs and sections by name. The phases are different types: what can only be
 * set before load has no setter after it.
 *
 * <p>Generated skeletons ({@link io.bpf4j.BpfSkeleton}) are typed wrappers over the same objects
 * ({@link io.bpf4j.object.Skeleton}, {@link io.bpf4j.object.OpenSkeleton}): everything that holds a
 * kernel resource is owned by the object, which closes it.
 */
package io.bpf4j.object;
