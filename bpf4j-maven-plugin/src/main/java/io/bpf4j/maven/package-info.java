/**
 * The bpf4j Maven plugin (prefix {@code bpf4j}): {@code compile} and {@code test-compile} turn
 * {@code src/main/bpf} and {@code src/test/bpf} into CO-RE objects in the class outputs before javac
 * runs ({@link io.bpf4j.maven.CompileMojo}); {@code generate} writes skeletons for objects given as
 * files ({@link io.bpf4j.maven.GenerateMojo}). The plugin runs bpf-api's vmlinux.h writer and
 * bpf-processor's generator of its own version, resolved when a goal runs ({@code Toolchain}).
 */
package io.bpf4j.maven;
