package io.bpf4j.spi;

import java.util.function.IntConsumer;

/** A loaded program. */
public interface ProgramHandle {
    /** The program's name (its function name in C). */
    String name();

    /** The ELF section it came from, i.e. its {@code SEC()} name. */
    String sectionName();

    /**
     * The program's file descriptor, owned by its object. Only a number: once the object closes,
     * the number may name another object; prefer {@link #useFd} to use it.
     *
     * @throws IllegalStateException once the object is closed (backends that can tell)
     */
    int fd();

    /**
     * Runs {@code use} with the program's file descriptor, which stays this program's until
     * {@code use} returns (the object's close waits for it) — e.g. to store it in a program array.
     *
     * {@code use} should make system calls, not wait for other threads, and must not close the
     * owner: the close would wait for {@code use} to return.
     *
     * @throws IllegalStateException once the object is closed
     */
    default void useFd(IntConsumer use) {
        use.accept(fd());
    }
}
