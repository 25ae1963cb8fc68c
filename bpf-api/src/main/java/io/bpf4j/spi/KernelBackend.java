package io.bpf4j.spi;

import io.bpf4j.trace.TracePipe;

/**
 * A kernel that BPF objects are opened in, loaded into and attached to.
 *
 * <p>Implementations are registered through {@link java.util.ServiceLoader}; see
 * {@link Backends#system()}. Users never see one: {@link Backends#kernel} wraps it in the
 * {@link io.bpf4j.Kernel} they use, which reads and checks objects and tracks their resources. Every
 * method throws {@link io.bpf4j.BpfException} (or a subclass) naming the operation and errno on
 * failure.
 */
public interface KernelBackend {
    /** A short name for messages, e.g. {@code "kernel 6.18.44 via libbpf 1.1.2"}. */
    String name();

    /**
     * Opens an object from its ELF bytes. Nothing is loaded into the kernel yet.
     *
     * @param objectName the object's name (e.g. {@code "opensnoop"}); internal maps are named after it
     * @param elf the object's bytes; the backend copies what it keeps
     */
    OpenObject openObject(String objectName, byte[] elf);

    /** Opens the kernel's trace pipe, where {@code bpf_printk} output appears. */
    TracePipe openTracePipe();

    /**
     * What this kernel supports, probed on first use and cached.
     *
     * @throws io.bpf4j.UnsupportedFeatureException when this backend cannot probe
     */
    default io.bpf4j.features.KernelFeatures features() {
        throw Unsupported.byBackend(this, "feature probes");
    }

    /**
     * Opens the map pinned at {@code path} (on a bpffs mount such as {@code /sys/fs/bpf}). The
     * caller owns the handle and closes it; the pin stays.
     */
    default OwnedMapHandle openPinnedMap(String path) {
        throw Unsupported.byBackend(this, "openPinnedMap");
    }

    /** Opens the map with the kernel id {@code id} (see {@link MapHandle#id()}). The caller closes it. */
    default OwnedMapHandle openMapById(int id) {
        throw Unsupported.byBackend(this, "openMapById");
    }

    /**
     * The number of possible CPUs: how many values a per-CPU map holds per element (see
     * {@link MapHandle} for the buffer layout).
     */
    default int possibleCpus() {
        throw Unsupported.byBackend(this, "possibleCpus");
    }
}
