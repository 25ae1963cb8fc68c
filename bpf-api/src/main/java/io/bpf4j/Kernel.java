package io.bpf4j;

import io.bpf4j.features.KernelFeatures;
import io.bpf4j.map.RawMap;
import io.bpf4j.object.ObjectSource;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.spi.Backends;
import io.bpf4j.trace.TracePipe;
import java.nio.file.Path;

/**
 * A kernel that BPF objects are opened in, loaded into and attached to: the machine's own
 * ({@link #system()}), or a fake one in tests ({@code io.bpf4j.test.fake.FakeKernel}). Code that
 * takes a {@code Kernel} runs unchanged on both.
 *
 * <p>Any object opens without generated code:
 * <pre>{@code
 * try (OpenBpfObject open = Kernel.system().openResource(App.class, "counter.bpf.o")) {
 *     open.rodata().setLong("target_pid", pid);
 *     try (BpfObject object = open.load()) {
 *         object.attachAll();
 *         BpfHashMap<Long, Long> counts = object.hashMap("counts", Codecs.UINT32, Codecs.UINT64);
 *         …
 *     }
 * }
 * }</pre>
 * A generated skeleton ({@link BpfSkeleton}) is a typed wrapper over the same objects.
 *
 * <p>Every method throws {@link BpfException} (or a subclass) naming the operation and errno on
 * failure. Implementations are thread-safe.
 */
public interface Kernel {
    /**
     * This machine's kernel: the backend registered through {@link java.util.ServiceLoader}
     * (bpf-native's libbpf backend when it is on the class path), found once and then reused; a
     * failure to find or start it is reported again on every call.
     *
     * @throws BpfException when no backend is on the class path, or the backend refuses to start
     */
    static Kernel system() {
        return Backends.systemKernel();
    }

    /** A short name for messages, e.g. {@code "kernel 6.18.44 via libbpf 1.1.2"}. */
    String name();

    /**
     * What this kernel supports, probed on first use and cached.
     *
     * @throws UnsupportedFeatureException when this kernel cannot be probed
     */
    KernelFeatures features();

    /** The number of possible CPUs: how many values a per-CPU map holds per element. */
    int possibleCpus();

    /**
     * Opens an object: it is parsed, its maps and programs known, nothing is loaded yet. Close the
     * Open phase, or load it and close the object.
     *
     * @throws BpfException naming the object when it is not a BPF object this kernel can open
     */
    OpenBpfObject open(ObjectSource source);

    /** {@link #open} of the object in {@code file} ({@link ObjectSource#file}). */
    default OpenBpfObject openFile(Path file) {
        return open(ObjectSource.file(file));
    }

    /** {@link #open} of an object in memory ({@link ObjectSource#bytes}). */
    default OpenBpfObject openBytes(String name, byte[] elf) {
        return open(ObjectSource.bytes(name, elf));
    }

    /** {@link #open} of a class-path resource ({@link ObjectSource#resource(Class, String)}). */
    default OpenBpfObject openResource(Class<?> anchor, String resource) {
        return open(ObjectSource.resource(anchor, resource));
    }

    /** Opens the kernel's trace pipe, where {@code bpf_printk} output appears. The caller closes it. */
    TracePipe openTracePipe();

    /**
     * Opens the map pinned at {@code path} (on a bpffs mount such as {@code /sys/fs/bpf}). The
     * caller closes it; the pin stays.
     */
    RawMap openPinnedMap(Path path);

    /** Opens the map with the kernel id {@code id} ({@link RawMap#id()}). The caller closes it. */
    RawMap openMapById(int id);
}
