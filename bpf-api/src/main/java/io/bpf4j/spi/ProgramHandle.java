package io.bpf4j.spi;

/** A loaded program. */
public interface ProgramHandle {
    /** The program's name (its function name in C). */
    String name();

    /** The ELF section it came from, i.e. its {@code SEC()} name. */
    String sectionName();

    /** The program's file descriptor, owned by its object. */
    int fd();
}
