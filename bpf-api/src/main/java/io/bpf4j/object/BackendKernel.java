package io.bpf4j.object;

import io.bpf4j.BpfException;
import io.bpf4j.Errno;
import io.bpf4j.Kernel;
import io.bpf4j.features.KernelFeatures;
import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.MapAccess;
import io.bpf4j.map.RawMap;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.SpecException;
import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.trace.TracePipe;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The {@link Kernel} over a backend: objects are read and checked here ({@link ObjectSpec#read},
 * in Java, before the backend's loader sees a byte), and only the kernel's work goes to the
 * backend.
 */
final class BackendKernel implements Kernel {
    private final KernelBackend backend;

    BackendKernel(KernelBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public KernelFeatures features() {
        return backend.features();
    }

    @Override
    public int possibleCpus() {
        return backend.possibleCpus();
    }

    @Override
    public OpenBpfObject open(ObjectSource source) {
        Objects.requireNonNull(source, "source");
        ObjectSpec spec;
        try {
            spec = ObjectSpec.read(source.name(), source.bytesUnshared());
        } catch (SpecException e) {
            // libbpf refuses a malformed object with EINVAL as well; the cause says what is wrong.
            throw new BpfException("opening " + source, Errno.EINVAL, e.getMessage(), e);
        }
        OpenObject object = backend.openObject(source.name(), source.bytesUnshared());
        try {
            return new OpenBpfObject(object, spec, source);
        } catch (RuntimeException e) {
            object.close();
            throw e;
        }
    }

    @Override
    public TracePipe openTracePipe() {
        return backend.openTracePipe();
    }

    @Override
    public RawMap openPinnedMap(Path path) {
        Objects.requireNonNull(path, "path");
        return Bridge.get(MapAccess.class, RawMap.class).ownedMap(backend.openPinnedMap(path.toString()));
    }

    @Override
    public RawMap openMapById(int id) {
        return Bridge.get(MapAccess.class, RawMap.class).ownedMap(backend.openMapById(id));
    }

    @Override
    public String toString() {
        return name();
    }
}
