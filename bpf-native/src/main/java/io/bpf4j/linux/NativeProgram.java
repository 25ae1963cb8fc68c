package io.bpf4j.linux;

import com.sun.jna.Pointer;
import io.bpf4j.spi.ProgramHandle;
import java.util.function.IntConsumer;

/**
 * A loaded program of a {@link NativeLoadedObject}; its fd and libbpf struct belong to the object,
 * whose {@link ResourceGuard} every use of the fd leases.
 */
final class NativeProgram implements ProgramHandle {
    private final Pointer program;
    private final String name;
    private final String sectionName;
    private final int fd;
    private final ResourceGuard owner;

    NativeProgram(Pointer program, String name, String sectionName, int fd, ResourceGuard owner) {
        this.program = program;
        this.name = name;
        this.sectionName = sectionName;
        this.fd = fd;
        this.owner = owner;
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
        if (owner.isClosed()) {
            throw owner.closed("reading the fd of program '" + name + "'");
        }
        return fd;
    }

    @Override
    public void useFd(IntConsumer use) {
        owner.acquire("using the fd of program '" + name + "'");
        try {
            use.accept(fd);
        } finally {
            owner.release();
        }
    }

    /** The fd, for system calls made inside a lease of the object's guard. */
    int kernelFd() {
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
