package io.bpf4j.test.fake;

import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.ProgramHandle;

/** A program loaded into the fake kernel; it runs nothing, its effects are what the test pushes. */
final class FakeProgram implements ProgramHandle {
    private final ProgramSpec spec;
    private final int fd;
    private final int id;

    FakeProgram(ProgramSpec spec, FdTable fds) {
        this.spec = spec;
        this.fd = fds.newFd(this);
        this.id = fds.newId();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public String sectionName() {
        return spec.sectionName();
    }

    @Override
    public int fd() {
        return fd;
    }

    /** The program's id, which program arrays hold. */
    public int id() {
        return id;
    }

    /** Its kind, from its section name. */
    public ProgramKind kind() {
        return spec.kind();
    }

    /** What its section name says to attach to, "" when nothing. */
    public String attachTarget() {
        return spec.attachTarget();
    }

    @Override
    public String toString() {
        return name() + " → " + sectionName();
    }
}
