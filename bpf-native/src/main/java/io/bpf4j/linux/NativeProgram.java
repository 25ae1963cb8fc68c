package io.bpf4j.linux;

import com.sun.jna.Pointer;
import io.bpf4j.spi.ProgramHandle;

/** A loaded program of a {@link NativeLoadedObject}; its fd and libbpf struct belong to the object. */
final class NativeProgram implements ProgramHandle {
    private final Pointer program;
    private final String name;
    private final String sectionName;
    private final int fd;

    NativeProgram(Pointer program, String name, String sectionName, int fd) {
        this.program = program;
        this.name = name;
        this.sectionName = sectionName;
        this.fd = fd;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String sectionName() {
        return sectionName;
    }

    @Override
    public int fd() {
        return fd;
    }

    /** libbpf's {@code struct bpf_program}. */
    Pointer pointer() {
        return program;
    }

    /** {@code "name → section"}, as links and messages describe it. */
    String describe() {
        return name + " → " + sectionName;
    }
}
