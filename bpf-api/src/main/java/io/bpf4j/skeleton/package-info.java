/**
 * The base classes generated skeletons extend: the Open phase ({@link io.bpf4j.skeleton.OpenSkeleton})
 * and the loaded skeleton ({@link io.bpf4j.skeleton.LoadedSkeleton}). Application code uses the
 * generated subclasses.
 */
package io.bpf4j.skeleton;
