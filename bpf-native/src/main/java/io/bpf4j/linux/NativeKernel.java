package io.bpf4j.linux;

import io.bpf4j.BpfException;
import io.bpf4j.BpfPermissionException;
import io.bpf4j.Errno;
import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.trace.TracePipe;
import java.util.Objects;

/**
 * The running Linux kernel as a {@link KernelBackend}: objects are opened, loaded (with CO-RE
 * relocation) and attached by libbpf 1.x through JNA; map operations use the {@code bpf(2)}
 * system call directly, and ring buffers are read from their {@code mmap}'d memory.
 *
 * <p>Registered through {@link java.util.ServiceLoader}, so {@link io.bpf4j.Kernel#system()} finds it
 * when bpf-native is on the class path. Creating one checks libbpf (1.0 or newer) and
 * routes libbpf's messages to the {@link System.Logger} {@code io.bpf4j.libbpf}.
 *
 * <p>Failures are {@link BpfException}s naming the operation and errno; the verifier's rejections
 * are {@link io.bpf4j.VerifierException}s with its log, features this kernel lacks are
 * {@link io.bpf4j.UnsupportedFeatureException}s naming them, and missing privileges are
 * {@link io.bpf4j.BpfPermissionException}s naming the missing capabilities.
 */
public final class NativeKernel implements KernelBackend {
    private final String name;

    /**
     * Binds libbpf.
     *
     * @throws BpfException when libbpf.so.1 is missing or older than 1.0, saying what to install
     */
    public NativeKernel() {
        String libbpf = LibbpfVersion.version();
        LibbpfLog.install();
        // Not setrlimit(RLIMIT_MEMLOCK): kernels since 5.11 account BPF memory to the cgroup
        // instead, and in containers the call fails with EPERM for no benefit.
        this.name = "kernel " + System.getProperty("os.version") + " via libbpf " + libbpf;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public OpenObject openObject(String objectName, byte[] elf) {
        return NativeOpenObject.open(objectName, elf);
    }

    @Override
    public TracePipe openTracePipe() {
        return NativeTracePipe.open();
    }

    @Override
    public OwnedMapHandle openPinnedMap(String path) {
        Objects.requireNonNull(path, "path");
        int fd = BpfSyscall.objGet(path);
        if (fd < 0) {
            throw KernelErrors.failure("bpf(BPF_OBJ_GET) of " + path, -fd, BpfFs.openDetail(-fd, path));
        }
        return OwnedNativeMap.adopt(fd, "pinned map " + path);
    }

    @Override
    public OwnedMapHandle openMapById(int id) {
        int fd = BpfSyscall.mapFdById(id);
        if (fd < 0) {
            String operation = "bpf(BPF_MAP_GET_FD_BY_ID) of map id " + id;
            if (-fd == Errno.EPERM && !Capabilities.hasSysAdmin()) {
                // Unlike loading, opening another process's objects by id needs CAP_SYS_ADMIN.
                throw new BpfPermissionException(operation, -fd, "root or CAP_SYS_ADMIN (missing: CAP_SYS_ADMIN)");
            }
            throw KernelErrors.failure(operation, -fd, -fd == Errno.ENOENT ? "no map has id " + id : null);
        }
        return OwnedNativeMap.adopt(fd, "map id " + id);
    }

    @Override
    public int possibleCpus() {
        return PossibleCpus.count();
    }

    /** Probes on first use of each answer; the probes are shared by every NativeKernel of this JVM. */
    @Override
    public io.bpf4j.features.KernelFeatures features() {
        return SharedFeatures.INSTANCE;
    }

    private static final class SharedFeatures {
        static final NativeFeatures INSTANCE = new NativeFeatures();
    }

    @Override
    public String toString() {
        return name;
    }
}
