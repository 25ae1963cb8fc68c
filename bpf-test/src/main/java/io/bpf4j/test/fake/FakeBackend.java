package io.bpf4j.test.fake;

import io.bpf4j.BpfException;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.Errno;
import io.bpf4j.features.KernelFeatures;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.SpecException;
import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.trace.TracePipe;
import io.bpf4j.VerifierException;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fake kernel's backend: the {@link KernelBackend} that {@link FakeKernel} hands to bpf-api,
 * with the kernel's observable behaviour in memory (see {@link FakeKernel} for what it models), and
 * the test controls {@code FakeKernel} exposes.
 */
final class FakeBackend implements KernelBackend {
    private final int cpus;
    private final Faults faults = new Faults();
    private final FdTable fds = new FdTable();
    private final OpenResources resources = new OpenResources();
    private final BlockingQueue<String> traceLines = new LinkedBlockingQueue<>();
    private final Map<String, String> rejections = new HashMap<>();
    private final Map<ProgramKind, String> missingFeatures = new EnumMap<>(ProgramKind.class);
    private final List<FakeObject> objects = new ArrayList<>();
    private final List<Attachment> attached = new ArrayList<>();
    private final List<Attachment> history = new ArrayList<>();

    FakeBackend(int possibleCpus) {
        if (possibleCpus < 1) {
            throw new IllegalArgumentException("a kernel needs at least one CPU, got " + possibleCpus);
        }
        this.cpus = possibleCpus;
    }

    @Override
    public String name() {
        return "FakeKernel (" + cpus + " CPUs)";
    }

    /** The number of possible CPUs: the slots of a per-CPU value. */
    @Override
    public int possibleCpus() {
        return cpus;
    }

    @Override
    public OpenObject openObject(String objectName, byte[] elf) {
        Objects.requireNonNull(objectName, "objectName");
        String operation = "opening object '" + objectName + "'";
        faults.check(FaultPoint.OPEN_OBJECT, objectName, operation);
        try {
            return new FakeOpenObject(this, ObjectSpec.read(objectName, elf), ElfFile.parse(elf));
        } catch (SpecException | ElfFormatException e) {
            // libbpf refuses a malformed object with EINVAL as well; the cause says what is wrong.
            throw new BpfException(operation, Errno.EINVAL, e.getMessage(), e);
        }
    }

    @Override
    public TracePipe openTracePipe() {
        faults.check(FaultPoint.TRACE_PIPE_OPEN, "trace_pipe", "opening the trace pipe");
        FakeTracePipe pipe = new FakeTracePipe(traceLines, resources::closed);
        resources.opened(pipe, "trace pipe");
        return pipe;
    }

    /** Every feature, except the attach kinds removed with {@link #withoutFeature}. */
    @Override
    public KernelFeatures features() {
        return new FakeFeatures(() -> {
            synchronized (this) {
                return Map.copyOf(missingFeatures);
            }
        });
    }

    /**
     * Opens the map with {@code id}, such as an id read from a map of maps, while its object is
     * loaded; ENOENT otherwise, as the kernel answers. The caller closes the handle (the leak check
     * counts it).
     */
    @Override
    public OwnedMapHandle openMapById(int id) {
        FakeMap map = fds.mapById(id).orElseThrow(() -> new BpfException("opening map id " + id, Errno.ENOENT,
                "no map of a loaded object has that id"));
        FakeOwnedMap handle = new FakeOwnedMap(map, resources::closed);
        resources.opened(handle, handle.toString());
        return handle;
    }

    /** Errno injection for any operation. */
    Faults faults() {
        return faults;
    }

    /**
     * Makes the verifier reject {@code programName} (of any object) with {@code verifierLog}: loading
     * throws a {@link VerifierException} carrying the log, with EACCES as the kernel answers.
     */
    synchronized FakeBackend rejectProgram(String programName, String verifierLog) {
        rejections.put(Objects.requireNonNull(programName, "programName"), Objects.requireNonNull(verifierLog));
        return this;
    }

    /**
     * Makes attaching every program of {@code kind} fail as a kernel without that feature does,
     * with an {@link io.bpf4j.UnsupportedFeatureException} naming {@code feature}, such as
     * {@code "kprobes: CONFIG_KPROBES is not set"}.
     */
    synchronized FakeBackend withoutFeature(ProgramKind kind, String feature) {
        missingFeatures.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(feature, "feature"));
        return this;
    }

    /** Appends a raw line to the trace pipe. */
    void traceLine(String line) {
        traceLines.add(Objects.requireNonNull(line, "line"));
    }

    /** Appends the line {@code bpf_printk(message)} would write from process {@code pid} named {@code comm}. */
    void printk(int pid, String comm, String message) {
        traceLine(String.format("%16s-%-7d [000] d..31 %12.6f: bpf_trace_printk: %s", comm, pid,
                System.nanoTime() / 1e9, message));
    }

    /**
     * The open object most recently loaded under {@code objectName}: the kernel's side of it.
     *
     * @throws IllegalStateException when no such object is loaded
     */
    synchronized FakeObject object(String objectName) {
        for (int i = objects.size() - 1; i >= 0; i--) {
            if (objects.get(i).name().equals(objectName)) {
                return objects.get(i);
            }
        }
        throw new IllegalStateException("no object '" + objectName + "' is loaded in the fake kernel");
    }

    /** The programs attached now, in attach order. */
    synchronized List<Attachment> attachments() {
        return List.copyOf(attached);
    }

    /** Every attachment ever made, detached ones included, in attach order. */
    synchronized List<Attachment> attachHistory() {
        return List.copyOf(history);
    }

    /** True when {@code programName} is attached now as {@code kind} to {@code target}. */
    synchronized boolean isAttached(String programName, ProgramKind kind, String target) {
        return attached.stream().anyMatch(a -> a.programName().equals(programName) && a.kind() == kind
                && a.target().equals(target));
    }

    /** Descriptions of the objects, links, ring-buffer readers and trace pipes not closed yet. */
    List<String> openResources() {
        return resources.descriptions();
    }

    /** Fails with the list of what is still open, when anything is. */
    void assertNoLeaks() {
        List<String> open = openResources();
        if (!open.isEmpty()) {
            throw new AssertionError("FakeKernel: " + open.size() + " resource(s) left open: " + String.join("; ",
                    open));
        }
    }

    @Override
    public String toString() {
        return name();
    }


    FdTable fds() {
        return fds;
    }

    OpenResources resources() {
        return resources;
    }

    synchronized void verify(String programName) {
        String log = rejections.get(programName);
        if (log != null) {
            throw new VerifierException(programName, Errno.EACCES, log);
        }
    }

    synchronized Optional<String> missingFeature(ProgramKind kind) {
        return Optional.ofNullable(missingFeatures.get(kind));
    }

    synchronized void loaded(FakeObject object) {
        objects.add(object);
        resources.opened(object, "loaded object '" + object.name() + "'");
    }

    synchronized void unloaded(FakeObject object) {
        objects.remove(object);
        resources.closed(object);
    }

    synchronized void attached(FakeLink link) {
        attached.add(link.attachment());
        history.add(link.attachment());
        resources.opened(link, "link " + link.description());
    }

    synchronized void replaced(Attachment before, Attachment after) {
        attached.set(attached.indexOf(before), after);
        history.add(after);
    }

    synchronized void detached(FakeLink link) {
        attached.remove(link.attachment());
        resources.closed(link);
    }

}
