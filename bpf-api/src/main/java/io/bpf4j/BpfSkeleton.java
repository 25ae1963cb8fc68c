package io.bpf4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the bpf4j annotation processor to generate a typed skeleton for a compiled BPF object.
 *
 * <p>On a type {@code Foo} in package {@code p}, javac generates {@code p.FooSkel}: {@code open()}
 * → an Open phase with typed {@code .rodata} setters → {@code load()} → the loaded skeleton with
 * typed maps, {@code .bss}/{@code .data} accessors and programs → {@code attach()} → {@code close()}.
 * The skeleton is a typed wrapper over the object layer ({@link io.bpf4j.object.OpenBpfObject},
 * {@link io.bpf4j.object.BpfObject}), which owns every resource; an object needs no skeleton to be
 * used ({@link Kernel#open}).
 *
 * <pre>{@code
 * @BpfSkeleton("opensnoop.bpf.o")
 * final class Opensnoop {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface BpfSkeleton {
    /**
     * The object, as a class-path resource: relative to the annotated type's package, or absolute
     * with a leading {@code /}. The build compiles {@code src/main/bpf/p/foo.bpf.c} to {@code p/foo.bpf.o}.
     */
    String value();

    /**
     * The skeleton's simple name; empty means the annotated type's name followed by {@code Skel}.
     */
    String name() default "";

    /**
     * Binds ring-buffer maps to the struct each record holds (ring buffers carry no value type in
     * BTF). A map left out is bound by convention: a global {@code const struct X *unused_X} pointer
     * in the object names {@code struct X} when the object has exactly one such pointer. A ring
     * buffer nothing binds (no such pointer, or several) is generated raw, with a javac warning
     * naming the candidates.
     */
    EventType[] events() default {};

    /**
     * Binds one ring-buffer (or perf event array) map to the BTF struct of its records, or, with
     * {@code raw = true}, to raw records. Give exactly one of {@link #struct()} and {@link #raw()}.
     */
    @Documented
    @Retention(RetentionPolicy.SOURCE)
    @Target({})
    @interface EventType {
        /** The ring-buffer map's name in the object. */
        String map();

        /** The name of the BTF struct each record holds (without {@code struct}); empty with {@link #raw()}. */
        String struct() default "";

        /**
         * The records have no struct in BTF (the programs build them in a byte buffer): the map is
         * generated untyped, its records read as bytes through the reader's view path
         * ({@code pollViews}/{@code drainViews}). An unbound ring buffer is raw too, but with a
         * warning; binding it raw says that is meant.
         */
        boolean raw() default false;
    }
}
