package io.bpf4j.program;

import io.bpf4j.spi.LinkHandle;
import java.util.Objects;

/** An attached program. Closing the link detaches it. */
public final class BpfLink implements AutoCloseable {
    private final LinkHandle handle;

    /** Wraps a backend link. */
    public BpfLink(LinkHandle handle) {
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    /** What is attached where. */
    public String description() {
        return handle.description();
    }

    /** Detaches; idempotent. */
    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        return "BpfLink[" + description() + "]";
    }
}
