package io.bpf4j.processor;

import io.bpf4j.spi.KernelBackend;
import io.bpf4j.spi.LinkHandle;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import io.bpf4j.spi.ProgramHandle;
import java.util.List;
import java.util.function.Supplier;

/**
 * A deliberate violation, for {@link ArchitectureTest}: each public or protected signature here
 * mentions an SPI type in a different place, and the rule must name every one; the private and
 * package-private ones it must leave alone. Never used.
 */
public class SpiLeaks implements Supplier<MapHandle> {
    /** A public field of an SPI type. */
    public LoadedObject object;

    private MapHandle hidden;

    /** A constructor taking an SPI type. */
    public SpiLeaks(LoadedObject object) {
        this.object = object;
    }

    /** A type argument of the interface. */
    @Override
    public MapHandle get() {
        return hidden;
    }

    /** An SPI type as a type argument of a protected method's return type. */
    protected List<KernelBackend> backends() {
        return List.of();
    }

    /** An SPI type as a type parameter's bound. */
    public <T extends LinkHandle> T link(T link) {
        return link;
    }

    void packagePrivate(ProgramHandle program) {}

    /** Not visible to users: nested in a public class, but not public itself. */
    static class Hidden {
        public ProgramHandle program;
    }
}
