package io.bpf4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestTemplate;

/**
 * Runs the test method twice, with a {@link io.bpf4j.Kernel} parameter: once on a fresh
 * {@link io.bpf4j.test.fake.FakeKernel} (always; resources left open fail it), once on the real
 * kernel ({@link io.bpf4j.Kernel#system()}, so bpf-native must be on the test class path).
 *
 * <p>The real-kernel run is skipped with the reason where BPF is unavailable (not root, no BTF,
 * no backend on the class path) and fails instead under {@code BPF4J_REQUIRE_KERNEL=1}. A
 * {@link RequiresKernelFeature} on the method or class is checked against each run's backend.
 * Do not combine with {@link WithFakeKernel}, which would resolve the same parameter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(BackendTestExtension.class)
public @interface BackendTest {}
