package io.bpf4j.linux;

import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.OpenObject;
import io.bpf4j.spi.OwnedMapHandle;
import io.bpf4j.trace.TracePipe;
import java.nio.file.Path;

/**
 * Run by {@link RestrictedEnvironmentTest} in a child JVM whose environment lacks something
 * (capabilities, tracefs): tries one operation and prints the outcome as one line on stdout.
 */
public final class RestrictedProbe {
    private RestrictedProbe() {}

    public static void main(String[] args) {
        NativeKernel kernel = new NativeKernel();
        try {
            switch (args[0]) {
                case "load":
                    try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE));
                            LoadedObject loaded = open.load()) {
                        break;
                    }
                case "attach":
                    try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE));
                            LoadedObject loaded = open.load()) {
                        loaded.attach("count_getpid");
                        break;
                    }
                case "attach-without-capabilities":
                    try (OpenObject open = kernel.openObject("native_fixture", Fixtures.object(Fixtures.NATIVE));
                            LoadedObject loaded = open.load()) {
                        // Loaded with privileges; only the attach runs without them.
                        EffectiveCapabilities.drop(Capabilities.CAP_SYS_ADMIN, Capabilities.CAP_BPF,
                                Capabilities.CAP_PERFMON);
                        loaded.attach("count_getpid");
                        break;
                    }
                case "open-map-by-id":
                    try (OwnedMapHandle map = kernel.openMapById(Integer.parseInt(args[1]))) {
                        break;
                    }
                case "tracefs-access":
                    System.out.println(TracefsAccess.whyUnreadable(Path.of(args[1])).orElse("ok"));
                    return;
                case "trace-pipe":
                    try (TracePipe pipe = kernel.openTracePipe()) {
                        break;
                    }
                default:
                    throw new IllegalArgumentException(args[0]);
            }
            System.out.println("ok");
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
