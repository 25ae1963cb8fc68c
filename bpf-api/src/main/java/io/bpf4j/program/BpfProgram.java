package io.bpf4j.program;

import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.ProgramAccess;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.text.Printable;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A program of a loaded object ({@link io.bpf4j.object.BpfObject#program}): its identity,
 * attaching it, test runs and what the kernel says about it. Links it makes are detached when
 * closed, or when the object closes.
 *
 * <p>A program switched off before load ({@link io.bpf4j.object.OpenProgram#autoload}) exists
 * here too, so that its name can be asked for; {@link #isLoaded()} is false and every kernel
 * operation on it fails naming it.
 */
public final class BpfProgram {
    static {
        Bridge.register(ProgramAccess.class, BpfProgram::new);
    }

    private final LoadedObject object;
    private final ProgramSpec spec;
    private final boolean loaded;
    private final Consumer<AutoCloseable> owner;

    private BpfProgram(LoadedObject object, ProgramSpec spec, boolean loaded, Consumer<AutoCloseable> owner) {
        this.object = Objects.requireNonNull(object, "object");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.loaded = loaded;
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** The program's name (its C function name). */
    public String name() {
        return spec.name();
    }

    /** Its {@code SEC()} name. */
    public String sectionName() {
        return spec.sectionName();
    }

    /** Its kind, parsed from the section name. */
    public ProgramKind kind() {
        return spec.kind();
    }

    /** What the object declares about it. */
    public ProgramSpec spec() {
        return spec;
    }

    /** Whether it was loaded: false when it was switched off in the Open phase. */
    public boolean isLoaded() {
        return loaded;
    }

    /**
     * The kernel's file descriptor for it, owned by the object: only a number, which may name
     * another object once this one is closed. {@link #useFd} keeps it this program's while used.
     *
     * @throws IllegalStateException once the object is closed
     */
    public int fd() {
        return object.program(loadedName("using")).fd();
    }

    /**
     * Runs {@code use} with the program's file descriptor, which stays this program's until
     * {@code use} returns (the object's close waits for it) — e.g. to store it in a program array.
     * {@code use} must not keep the number, wait for other threads or close the object.
     *
     * @throws IllegalStateException once the object is closed
     */
    public void useFd(IntConsumer use) {
        object.program(loadedName("using")).useFd(Objects.requireNonNull(use, "use"));
    }

    /**
     * Attaches the program where its section name says. The link is detached when closed, or when
     * the skeleton closes.
     *
     * @throws io.bpf4j.UnsupportedFeatureException when this kernel lacks the attach kind
     */
    public BpfLink attach() {
        return owned(new BpfLink(object.attach(loadedName("attaching"))));
    }

    /**
     * Attaches the program at an explicit target; the typed methods below cover the common kinds.
     *
     * @throws io.bpf4j.UnsupportedFeatureException when this kernel lacks the attach kind
     */
    public BpfLink attach(AttachTarget target) {
        Objects.requireNonNull(target, "target");
        return owned(new BpfLink(object.attach(loadedName("attaching"), target)));
    }

    private BpfLink owned(BpfLink link) {
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
        Objects.requireNonNull(request, "request");
        return object.testRun(loadedName("test-running"), request);
    }

    /**
     * The kernel's view of the program: id, tag, and run statistics while they are enabled
     * ({@link io.bpf4j.object.BpfObject#enableRunStatistics()}).
     */
    public ProgramInfo info() {
        return object.programInfo(loadedName("reading the info of"));
    }

    /**
     * The verifier's log of the program's load: empty unless a log level was set in the Open phase
     * ({@link io.bpf4j.object.OpenProgram#logLevel}). A rejected program's log is in the
     * {@link io.bpf4j.VerifierException} the load threw instead.
     */
    public String verifierLog() {
        return object.verifierLog(loadedName("reading the verifier log of"));
    }

    /** The name, for an operation that needs the program in the kernel. */
    private String loadedName(String operation) {
        if (!loaded) {
            throw new IllegalStateException(operation + " program '" + Printable.escape(name())
                    + "': it was not loaded (autoload was switched off before load)");
        }
        return name();
    }

    @Override
    public String toString() {
        return "BpfProgram[" + Printable.escape(name()) + ", SEC(\"" + Printable.escape(sectionName()) + "\")"
                + (loaded ? "" : ", not loaded") + "]";
    }
}
