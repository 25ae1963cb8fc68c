package io.bpf4j.spi;

import java.nio.ByteBuffer;

/** An object whose maps and programs live in the kernel. Closing it releases every fd, mmap and link. */
public interface LoadedObject extends AutoCloseable {
    /** The map of that name; throws {@link io.bpf4j.BpfException} naming it when absent. */
    MapHandle map(String name);

    /** The program of that name; throws {@link io.bpf4j.BpfException} naming it when absent or not loaded. */
    ProgramHandle program(String name);

    /**
     * The live memory of a data section, shared with the programs ({@code .bss}, {@code .data}
     * writable; {@code .rodata} read-only), in native byte order. Valid until {@link #close()}.
     */
    ByteBuffer data(String sectionName);

    /**
     * Attaches a program where its section name says (libbpf's auto-attach).
     *
     * @throws io.bpf4j.UnsupportedFeatureException when the kernel lacks the attach kind
     */
    LinkHandle attach(String programName);

    /** Maps a ring-buffer map's memory for reading in Java. The caller closes it. */
    RingBufferMemory ringBuffer(String mapName);

    /** Releases every map, program, link, mapping and ring buffer of this object; idempotent. */
    @Override
    void close();
}
