package io.bpf4j.test.fake;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.VerifierException;
import io.bpf4j.elf.ElfFile;
import io.bpf4j.features.KernelFeatures;
import io.bpf4j.elf.ElfFormatException;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.SpecException;
import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.spi.TracePipe;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An in-memory kernel for unit tests: a {@link KernelBackend} with the kernel's observable
 * behaviour, so generated skeletons and the code around them run unchanged, without root.
 *
 * <p>Opening an object reads it with {@link ObjectSpec#read} and builds its maps, data sections
 * and programs in memory. Programs never run: the test plays their part, by pushing ring-buffer
 * records ({@link FakeLoadedObject#ring}), writing map elements or {@code .bss} memory
 * ({@link FakeLoadedObject#data}), or injecting trace-pipe lines ({@link #printk}).
 *
 * <p>What the kernel does, the fake does: E2BIG for a full hash map, EEXIST/ENOENT for
 * BPF_NOEXIST/BPF_EXIST, EINVAL for deleting from an array, zero-initialised arrays, LRU eviction,
 * per-CPU values (one 8-byte-rounded slot per CPU, {@link #possibleCpus()} CPUs), queues, stacks,
 * LPM tries, bloom filters, maps of maps and program arrays (fds in, ids out), {@code .rodata}
 * frozen at load. Where the kernel leaves something unspecified, the fake picks one answer:
 * hash maps and LPM tries iterate in insertion order, LRU eviction is exact (least recently
 * looked up or updated first), a bloom filter never answers a false positive.
 *
 * <p>Tests can also make the kernel misbehave ({@link #faults()}, {@link #rejectProgram}, {@link
 * #withoutFeature}), see what is attached ({@link #attachments()}) and check that nothing was left
 * open ({@link #assertNoLeaks()}; the JUnit extension does it after every test).
 */
public final class FakeKernel implements KernelBackend {
    /** The CPU count of a fake kernel when none is given. */
    public static final int DEFAULT_CPUS = 2;

    private final int cpus;
    private final Faults faults = new Faults();
    private final FdTable fds = new FdTable();
    private final OpenResources resources = new OpenResources();
    private final BlockingQueue<String> traceLines = new LinkedBlockingQueue<>();
    private final Map<String, String> rejections = new HashMap<>();
    private final Map<ProgramKind, String> missingFeatures = new EnumMap<>(ProgramKind.class);
    private final List<FakeLoadedObject> objects = new ArrayList<>();
    private final List<Attachment> attached = new ArrayList<>();
    private final List<Attachment> history = new ArrayList<>();

    /** A fake kernel with {@value #DEFAULT_CPUS} possible CPUs. */
    public FakeKernel() {
        this(DEFAULT_CPUS);
    }

    /** A fake kernel with {@code possibleCpus} CPUs: per-CPU values have that many slots. */
    public FakeKernel(int possibleCpus) {
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
    public Faults faults() {
        return faults;
    }

    /**
     * Makes the verifier reject {@code programName} (of any object) with {@code verifierLog}: loading
     * throws a {@link VerifierException} carrying the log, with EACCES as the kernel answers.
     */
    public synchronized FakeKernel rejectProgram(String programName, String verifierLog) {
        rejections.put(Objects.requireNonNull(programName, "programName"), Objects.requireNonNull(verifierLog));
        return this;
    }

    /**
     * Makes attaching every program of {@code kind} fail as a kernel without that feature does,
     * with an {@link io.bpf4j.UnsupportedFeatureException} naming {@code feature}, such as
     * {@code "kprobes: CONFIG_KPROBES is not set"}.
     */
    public synchronized FakeKernel withoutFeature(ProgramKind kind, String feature) {
        missingFeatures.put(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(feature, "feature"));
        return this;
    }

    /** Appends a raw line to the trace pipe. */
    public void traceLine(String line) {
        traceLines.add(Objects.requireNonNull(line, "line"));
    }

    /** Appends the line {@code bpf_printk(message)} would write from process {@code pid} named {@code comm}. */
    public void printk(int pid, String comm, String message) {
        traceLine(String.format("%16s-%-7d [000] d..31 %12.6f: bpf_trace_printk: %s", comm, pid,
                System.nanoTime() / 1e9, message));
    }

    /**
     * The open object most recently loaded under {@code objectName}: the kernel's side of it.
     *
     * @throws IllegalStateException when no such object is loaded
     */
    public synchronized FakeLoadedObject object(String objectName) {
        for (int i = objects.size() - 1; i >= 0; i--) {
            if (objects.get(i).name().equals(objectName)) {
                return objects.get(i);
            }
        }
        throw new IllegalStateException("no object '" + objectName + "' is loaded in the fake kernel");
    }

    /** The programs attached now, in attach order. */
    public synchronized List<Attachment> attachments() {
        return List.copyOf(attached);
    }

    /** Every attachment ever made, detached ones included, in attach order. */
    public synchronized List<Attachment> attachHistory() {
        return List.copyOf(history);
    }

    /** True when {@code programName} is attached now as {@code kind} to {@code target}. */
    public synchronized boolean isAttached(String programName, ProgramKind kind, String target) {
        return attached.stream().anyMatch(a -> a.programName().equals(programName) && a.kind() == kind
                && a.target().equals(target));
    }

    /** Descriptions of the objects, links, ring-buffer readers and trace pipes not closed yet. */
    public List<String> openResources() {
        return resources.descriptions();
    }

    /** Fails with the list of what is still open, when anything is. */
    public void assertNoLeaks() {
        List<String> open = openResources();
        if (!open.isEmpty()) {
            throw new AssertionError("FakeKernel: " + open.size() + " resource(s) left open: " + String.join("; ", open));
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

    synchronized void loaded(FakeLoadedObject object) {
        objects.add(object);
        resources.opened(object, "loaded object '" + object.name() + "'");
    }

    synchronized void unloaded(FakeLoadedObject object) {
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
