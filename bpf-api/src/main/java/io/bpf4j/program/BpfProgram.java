package io.bpf4j.program;

import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spi.AttachTarget;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.ProgramHandle;
import io.bpf4j.spi.ProgramInfo;
import io.bpf4j.spi.TestRunRequest;
import io.bpf4j.spi.TestRunResult;
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

    /**
     * The kernel's file descriptor for it, owned by the object: only a number, which may name
     * another object once this one is closed. {@link #handle()}'s {@code useFd} keeps it open
     * while it is used.
     *
     * @throws IllegalStateException once the object is closed
     */
    public int fd() {
        return object.program(name).fd();
    }

    /** The backend's handle of the program, e.g. for a program array. */
    public ProgramHandle handle() {
        return object.program(name);
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

    /**
     * Attaches the program at an explicit target; the typed methods below cover the common kinds.
     *
     * @throws io.bpf4j.UnsupportedFeatureException when this kernel lacks the attach kind
     */
    public BpfLink attach(AttachTarget target) {
        BpfLink link = new BpfLink(object.attach(name, Objects.requireNonNull(target, "target")));
        owner.accept(link);
        return link;
    }

    /**
     * Attaches a uprobe (or uretprobe) to a user-space function.
     *
     * @param binary a path or a library's short name ({@code "c"} for libc)
     * @param pid the process, or {@link AttachTarget.Uprobe#ALL_PROCESSES}
     */
    public BpfLink attachUprobe(String binary, String symbol, int pid, boolean retprobe) {
        return attach(new AttachTarget.Uprobe(binary, symbol, 0, pid, retprobe));
    }

    /** Attaches an XDP program to a network interface through a link. */
    public BpfLink attachXdp(int ifindex, AttachTarget.XdpMode mode) {
        return attach(new AttachTarget.Xdp(ifindex, mode, false));
    }

    /** Attaches a tc classifier to the interface's clsact qdisc, handle and priority chosen by the kernel. */
    public BpfLink attachTc(int ifindex, AttachTarget.Direction direction) {
        return attach(new AttachTarget.Tc(ifindex, direction, 0, 0));
    }

    /** Attaches to a cgroup v2 directory, at the hook the program's {@code SEC()} name says. */
    public BpfLink attachCgroup(String cgroupPath) {
        return attach(new AttachTarget.Cgroup(cgroupPath, null));
    }

    /** Opens the perf event and attaches the program to it; the link owns the event. */
    public BpfLink attachPerfEvent(AttachTarget.PerfEvent event) {
        return attach(event);
    }

    /** Attaches a socket filter to an open socket. */
    public BpfLink attachSocketFilter(int socketFd) {
        return attach(new AttachTarget.SocketFilter(socketFd));
    }

    /** Runs the program in the kernel on {@code request}'s input, without attaching it. */
    public TestRunResult testRun(TestRunRequest request) {
        return object.testRun(name, Objects.requireNonNull(request, "request"));
    }

    /** The kernel's view of the program: id, tag, and run statistics when they are enabled. */
    public ProgramInfo info() {
        return object.programInfo(name);
    }

    @Override
    public String toString() {
        return "BpfProgram[" + name + ", SEC(\"" + sectionName + "\")]";
    }
}
