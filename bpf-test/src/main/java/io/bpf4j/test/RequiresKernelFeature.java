package io.bpf4j.test;

import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ProgramKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test only where the kernel has these features, as the runtime's feature probes
 * ({@link io.bpf4j.Kernel#features()}) find them; elsewhere the test is skipped with the
 * probe's reason (e.g. "kprobes: CONFIG_KPROBES is not set").
 *
 * <p>On a plain test it means the real kernel, and implies {@link RequiresKernel}'s check first. On
 * a {@link BackendTest} each run checks its own backend.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresKernelFeatureExtension.class)
public @interface RequiresKernelFeature {
    /** Program kinds that must load and attach. */
    ProgramKind[] attach() default {};

    /** Map types that must be creatable. */
    MapType[] maps() default {};
}
