package io.bpf4j.test.fake;

import io.bpf4j.features.KernelFeatures;
import io.bpf4j.Kernel;
import io.bpf4j.map.RawMap;
import io.bpf4j.object.ObjectSource;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spi.Backends;
import io.bpf4j.trace.TracePipe;
import io.bpf4j.VerifierException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory {@link Kernel} for unit tests, with the kernel's observable behaviour, so code that
 * takes a {@code Kernel} (generated skeletons, objects opened by name, the application around them)
 * runs unchanged, without root.
 *
 * <p>Opening an object reads it with {@link ObjectSpec#read} and builds its maps, data sections
 * and programs in memory; everything else (checks, lifetimes, typed maps, readers) is bpf-api's, as
 * on the real kernel. Programs never run: the test plays their part, by pushing ring-buffer
 * records ({@link FakeLoadedObject#ring}), writing map elements or {@code .bss} memory
 * ({@link FakeLoadedObject#map}, {@link FakeLoadedObject#data}), or injecting trace-pipe lines
 * ({@link #printk}).
 *
 * <p>What the kernel does, the fake does: E2BIG for a full hash map, EEXIST/ENOENT for
 * BPF_NOEXIST/BPF_EXIST, EINVAL for deleting from an array, zero-initialised arrays, LRU eviction,
 * per-CPU values (one 8-byte-rounded slot per CPU, {@link #possibleCpus()} CPUs), queues, stacks,
 * LPM tries, bloom filters, maps of maps and program arrays (fds in, ids out), {@code .rodata}
 * frozen at load. Where the kernel leaves something unspecified, the fake picks one answer:
 * hash maps and LPM tries iterate in insertion order, LRU eviction is exact (least recently
 * looked up or updated first), a bloom filter never answers a false positive. It has no verifier:
 * a program loads unless {@link #rejectProgram} says otherwise, and its verifier log is empty.
 *
 * <p>Tests can also make the kernel misbehave ({@link #faults()}, {@link #rejectProgram}, {@link
 * #withoutFeature}), see what is attached ({@link #attachments()}) and check that nothing was left
 * open ({@link #assertNoLeaks()}; the JUnit extension does it after every test).
 */
public final class FakeKernel implements Kernel {
    /** The CPU count of a fake kernel when none is given. */
    public static final int DEFAULT_CPUS = 2;

    private final FakeBackend backend;
    private final Kernel kernel;

    /** A fake kernel with {@value #DEFAULT_CPUS} possible CPUs. */
    public FakeKernel() {
        this(DEFAULT_CPUS);
    }

    /**
     * A fake kernel with {@code possibleCpus} CPUs: per-CPU values have that many slots.
     *
     * @throws IllegalArgumentException when {@code possibleCpus} is less than 1
     */
    public FakeKernel(int possibleCpus) {
        this.backend = new FakeBackend(possibleCpus);
        this.kernel = Backends.kernel(backend);
    }

    @Override
    public String name() {
        return backend.name();
    }

    /** Every feature, except the attach kinds removed with {@link #withoutFeature}. */
    @Override
    public KernelFeatures features() {
        return kernel.features();
    }

    /** The number of possible CPUs: the slots of a per-CPU value. */
    @Override
    public int possibleCpus() {
        return kernel.possibleCpus();
    }

    @Override
    public OpenBpfObject open(ObjectSource source) {
        return kernel.open(source);
    }

    /** A pipe of the lines {@link #traceLine} and {@link #printk} add; the leak check counts it. */
    @Override
    public TracePipe openTracePipe() {
        return kernel.openTracePipe();
    }

    /**
     * The fake has no BPF file system: an {@link io.bpf4j.UnsupportedFeatureException}, as from a
     * backend that cannot pin.
     */
    @Override
    public RawMap openPinnedMap(Path path) {
        return kernel.openPinnedMap(path);
    }

    /**
     * Opens the map with {@code id}, such as an id read from a map of maps, while its object is
     * loaded; ENOENT otherwise, as the kernel answers. The caller closes it (the leak check counts
     * it).
     */
    @Override
    public RawMap openMapById(int id) {
        return kernel.openMapById(id);
    }

    /** Errno injection for any operation. */
    public Faults faults() {
        return backend.faults();
    }

    /**
     * Makes the verifier reject {@code programName} (of any object) with {@code verifierLog}: loading
     * throws a {@link VerifierException} carrying the log, with EACCES as the kernel answers.
     */
    public FakeKernel rejectProgram(String programName, String verifierLog) {
        backend.rejectProgram(programName, verifierLog);
        return this;
    }

    /**
     * Makes attaching every program of {@code kind} fail as a kernel without that feature does,
     * with an {@link io.bpf4j.UnsupportedFeatureException} naming {@code feature}, such as
     * {@code "kprobes: CONFIG_KPROBES is not set"}.
     */
    public FakeKernel withoutFeature(ProgramKind kind, String feature) {
        backend.withoutFeature(kind, feature);
        return this;
    }

    /** Appends a raw line to the trace pipe. */
    public void traceLine(String line) {
        backend.traceLine(line);
    }

    /** Appends the line {@code bpf_printk(message)} would write from process {@code pid} named {@code comm}. */
    public void printk(int pid, String comm, String message) {
        backend.printk(pid, comm, message);
    }

    /**
     * The object most recently loaded under {@code objectName}: the kernel's side of it.
     *
     * @throws IllegalStateException when no such object is loaded
     */
    public FakeLoadedObject object(String objectName) {
        Objects.requireNonNull(objectName, "objectName");
        return new FakeLoadedObject(backend.object(objectName));
    }

    /** The programs attached now, in attach order. */
    public List<Attachment> attachments() {
        return backend.attachments();
    }

    /** Every attachment ever made, detached ones included, in attach order. */
    public List<Attachment> attachHistory() {
        return backend.attachHistory();
    }

    /** True when {@code programName} is attached now as {@code kind} to {@code target}. */
    public boolean isAttached(String programName, ProgramKind kind, String target) {
        return backend.isAttached(programName, kind, target);
    }

    /** Descriptions of the objects, links, readers, maps and trace pipes not closed yet. */
    public List<String> openResources() {
        return backend.openResources();
    }

    /** Fails with the list of what is still open, when anything is. */
    public void assertNoLeaks() {
        backend.assertNoLeaks();
    }

    /** The backend underneath, for this package's tests of the fake's SPI side. */
    FakeBackend backend() {
        return backend;
    }

    @Override
    public String toString() {
        return name();
    }
}
