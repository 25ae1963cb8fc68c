package io.bpf4j.spi;

/**
 * A kernel that BPF objects are opened in, loaded into and attached to.
 *
 * <p>Implementations are registered through {@link java.util.ServiceLoader}; see
 * {@link io.bpf4j.Kernels#defaultBackend()}. Every method throws {@link io.bpf4j.BpfException}
 * (or a subclass) naming the operation and errno on failure.
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
}
