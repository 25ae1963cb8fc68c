package io.bpf4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs the real kernel's eBPF.
 *
 * <p>On a machine where BPF cannot be used (not root, no CAP_BPF + CAP_PERFMON, no kernel BTF) the
 * test is skipped with the reason. When the environment variable {@code BPF4J_REQUIRE_KERNEL=1}
 * is set, as CI sets it, the same situation fails the test instead, so a CI run cannot pass by
 * skipping.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RealKernelExtension.class)
public @interface RequiresKernel {}
