package io.bpf4j.spi;

import io.bpf4j.BpfException;
import io.bpf4j.Kernel;
import io.bpf4j.codec.Codec;
import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.KernelAccess;
import io.bpf4j.internal.MapAccess;
import io.bpf4j.internal.PerfBufferAccess;
import io.bpf4j.internal.RingBufferAccess;
import io.bpf4j.map.RawMap;
import io.bpf4j.object.OpenBpfObject;
import io.bpf4j.perfbuf.BpfPerfBuffer;
import io.bpf4j.perfbuf.LostHandler;
import io.bpf4j.perfbuf.PerfBufferReader;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.ringbuf.RingBufferReader;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Where backends (and their tests) meet the user-facing API: the user's {@link Kernel} over a
 * backend, the backend {@link ServiceLoader} finds, and the API objects over a backend's handles.
 * Applications use {@link Kernel#system()} and never need this class.
 */
public final class Backends {
    private static volatile KernelBackend found;
    private static volatile Kernel system;

    private Backends() {}

    /**
     * The user's {@link Kernel} over {@code backend}: every object opened through it is read,
     * checked and tracked by bpf-api, and only the kernel work goes to the backend. A fake
     * kernel builds its {@code Kernel} this way.
     */
    public static Kernel kernel(KernelBackend backend) {
        return Bridge.get(KernelAccess.class, OpenBpfObject.class).kernel(backend);
    }

    /**
     * The first {@link KernelBackend} registered through {@link ServiceLoader} (bpf-native registers
     * the real kernel). Found once and then reused; a failure is reported again on every call.
     *
     * @throws BpfException when no backend is on the class path, or the backend refuses to start
     */
    public static KernelBackend system() {
        KernelBackend backend = found;
        if (backend == null) {
            synchronized (Backends.class) {
                backend = found;
                if (backend == null) {
                    backend = find();
                    found = backend;
                }
            }
        }
        return backend;
    }

    /** {@link #kernel} of {@link #system()}, made once: what {@link Kernel#system()} returns. */
    public static Kernel systemKernel() {
        Kernel kernel = system;
        if (kernel == null) {
            synchronized (Backends.class) {
                kernel = system;
                if (kernel == null) {
                    kernel = kernel(system());
                    system = kernel;
                }
            }
        }
        return kernel;
    }

    /**
     * A map of a loaded object as the user sees it ({@link RawMap#close()} does nothing: the
     * object owns it), e.g. for a fake kernel to hand tests its side of a map.
     */
    public static RawMap objectMap(MapHandle handle) {
        return Bridge.get(MapAccess.class, RawMap.class).objectMap(handle);
    }

    /** A reader over ring buffer memory, which it closes (the reader a ring buffer's {@code reader()} makes). */
    public static <T> RingBufferReader<T> ringBufferReader(String name, RingBufferMemory memory, Codec<T> codec) {
        return Bridge.get(RingBufferAccess.class, BpfRingBuffer.class).reader(name, memory, codec);
    }

    /** A reader over perf buffer memory, which it closes (the reader a perf buffer's {@code reader()} makes). */
    public static <T> PerfBufferReader<T> perfBufferReader(String name, PerfBufferMemory memory, Codec<T> codec,
            LostHandler onLost) {
        return Bridge.get(PerfBufferAccess.class, BpfPerfBuffer.class).reader(name, memory, codec, onLost);
    }

    private static KernelBackend find() {
        try {
            for (KernelBackend backend : ServiceLoader.load(KernelBackend.class, Backends.class.getClassLoader())) {
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
