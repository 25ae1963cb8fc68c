package io.bpf4j;

import io.bpf4j.spi.KernelBackend;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the kernel backend to use when the caller does not pass one. */
public final class Kernels {
    private static volatile KernelBackend found;

    private Kernels() {}

    /**
     * The first {@link KernelBackend} registered through {@link ServiceLoader} (bpf-native registers
     * the real kernel). Found once and then reused; a failure is reported again on every call.
     *
     * @throws BpfException when no backend is on the class path, or the backend refuses to start
     */
    public static KernelBackend defaultBackend() {
        KernelBackend backend = found;
        if (backend == null) {
            synchronized (Kernels.class) {
                backend = found;
                if (backend == null) {
                    backend = find();
                    found = backend;
                }
            }
        }
        return backend;
    }

    private static KernelBackend find() {
        try {
            for (KernelBackend backend : ServiceLoader.load(KernelBackend.class, Kernels.class.getClassLoader())) {
                return backend;
            }
        } catch (ServiceConfigurationError e) {
            // A backend that refuses to start (e.g. libbpf too old) explains itself in its cause.
            if (e.getCause() instanceof BpfException cause) {
                throw cause;
            }
            throw new BpfException("starting the kernel backend", 0, e.getMessage(), e);
        }
        throw new BpfException("finding a kernel backend", 0,
                "none is on the class path; add the io.bpf4j:bpf-native dependency, "
                        + "or pass a FakeKernel from io.bpf4j:bpf-test");
    }
}
