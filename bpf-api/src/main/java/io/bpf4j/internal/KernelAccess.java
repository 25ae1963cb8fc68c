package io.bpf4j.internal;

import io.bpf4j.Kernel;
import io.bpf4j.spi.KernelBackend;

/** Not API: the {@link Kernel} over a backend (registered by {@code io.bpf4j.object.OpenBpfObject}). */
public interface KernelAccess {
    /** The user's handle on {@code backend}. */
    Kernel kernel(KernelBackend backend);
}
