/**
 * JUnit 5 support for bpf4j tests: {@link io.bpf4j.test.WithFakeKernel} hands a test a fresh
 * {@link io.bpf4j.test.fake.FakeKernel} and checks for leaks, {@link io.bpf4j.test.BackendTest} runs a
 * test on the fake and on the real kernel, {@link io.bpf4j.test.RequiresKernel} and
 * {@link io.bpf4j.test.RequiresKernelFeature} guard real-kernel tests (skipped with the reason where
 * BPF or a feature is missing; failed instead under {@code BPF4J_REQUIRE_KERNEL=1}).
 */
package io.bpf4j.test;
