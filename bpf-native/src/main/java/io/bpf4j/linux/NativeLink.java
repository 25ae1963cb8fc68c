package io.bpf4j.linux;

import com.sun.jna.Pointer;
import io.bpf4j.spi.LinkHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** A libbpf {@code struct bpf_link}; closing it destroys the link (detaches the program) exactly once. */
final class NativeLink implements LinkHandle {
    private final Pointer link;
    private final String description;
    private final Consumer<NativeLink> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param onClose told once when this link is closed, so its object stops tracking it
     */
    NativeLink(Pointer link, String description, Consumer<NativeLink> onClose) {
        this.link = link;
        this.description = description;
        this.onClose = onClose;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // bpf_link__destroy also frees the struct; its result (a detach error) leaves nothing to release.
            LibBpf.bpf_link__destroy(link);
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
