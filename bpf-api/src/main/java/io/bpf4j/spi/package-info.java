/**
 * The one choke point between bpf4j and a kernel: everything that touches the kernel goes through
 * {@link io.bpf4j.spi.KernelBackend}. bpf-native implements it for the real kernel, bpf-test's
 * FakeKernel in memory. Users call it only to choose a backend; generated skeletons call the rest.
 */
package io.bpf4j.spi;
