package io.bpf4j.program;

import io.bpf4j.spi.LinkHandle;
import java.io.InputStream;
import java.util.Objects;

/**
 * An attached program, made by {@link BpfProgram#attach}. Closing the link detaches it; closing the
 * program's object closes its links.
 */
public final class BpfLink implements AutoCloseable {
    private final LinkHandle handle;

    BpfLink(LinkHandle handle) {
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    /** What is attached where. */
    public String description() {
        return handle.description();
    }

    /** Pins the link in a BPF file system so the attachment outlives this process. */
    public void pin(String path) {
        handle.pin(path);
    }

    /** Atomically replaces the attached program with {@code program} (of the same object). */
    public void update(BpfProgram program) {
        handle.update(program.name());
    }

    /** Runs an attached iterator once; its output as a stream the caller closes. */
    public InputStream openIterator() {
        return handle.openIterator();
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
