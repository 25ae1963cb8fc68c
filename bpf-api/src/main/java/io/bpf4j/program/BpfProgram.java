package io.bpf4j.program;

import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spi.LoadedObject;
import java.util.Objects;
import java.util.function.Consumer;

/** A program of a loaded object: its identity, and attaching it where its section name says. */
public final class BpfProgram {
    private final LoadedObject object;
    private final String name;
    private final String sectionName;
    private final ProgramKind kind;
    private final Consumer<AutoCloseable> owner;

    /**
     * @param object the loaded object holding the program
     * @param name the program's name
     * @param sectionName its {@code SEC()} name
     * @param kind its kind, parsed from the section name
     * @param owner told about every link made, so the skeleton can detach them on close
     */
    public BpfProgram(LoadedObject object, String name, String sectionName, ProgramKind kind,
            Consumer<AutoCloseable> owner) {
        this.object = Objects.requireNonNull(object, "object");
        this.name = Objects.requireNonNull(name, "name");
        this.sectionName = Objects.requireNonNull(sectionName, "sectionName");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** The program's name (its C function name). */
    public String name() {
        return name;
    }

    /** Its {@code SEC()} name. */
    public String sectionName() {
        return sectionName;
    }

    /** Its kind, parsed from the section name. */
    public ProgramKind kind() {
        return kind;
    }

    /** The kernel's file descriptor for it, owned by the object. */
    public int fd() {
        return object.program(name).fd();
    }

    /**
     * Attaches the program where its section name says. The link is detached when closed, or when
     * the skeleton closes.
     *
     * @throws io.bpf4j.UnsupportedFeatureException when this kernel lacks the attach kind
     */
    public BpfLink attach() {
        BpfLink link = new BpfLink(object.attach(name));
        owner.accept(link);
        return link;
    }

    @Override
    public String toString() {
        return "BpfProgram[" + name + ", SEC(\"" + sectionName + "\")]";
    }
}
