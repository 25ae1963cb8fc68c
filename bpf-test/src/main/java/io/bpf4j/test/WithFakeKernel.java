package io.bpf4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the class (or the method) a fresh {@link io.bpf4j.test.fake.FakeKernel}: declare a
 * parameter of type {@code FakeKernel} or {@code Kernel}. After the test, anything it left open
 * in that kernel (objects, links, ring-buffer or perf-buffer readers, trace pipes) fails it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(FakeKernelExtension.class)
public @interface WithFakeKernel {}
