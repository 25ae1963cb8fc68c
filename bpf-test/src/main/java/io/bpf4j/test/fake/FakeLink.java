package io.bpf4j.test.fake;

import io.bpf4j.spi.LinkHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** An attachment in the fake kernel; closing it detaches the program, once. */
final class FakeLink implements LinkHandle {
    /** Replaces a link's program, as the object decides (BPF_LINK_UPDATE). */
    interface Updater {
        Attachment update(FakeLink link, String programName);
    }

    private volatile Attachment attachment;
    private final String description;
    private final Consumer<FakeLink> onClose;
    private final Updater updater;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakeLink(Attachment attachment, String description, Consumer<FakeLink> onClose, Updater updater) {
        this.attachment = attachment;
        this.description = description;
        this.onClose = onClose;
        this.updater = updater;
    }

    Attachment attachment() {
        return attachment;
    }

    @Override
    public String description() {
        return description;
    }

    /** Swaps in another program of the same object and kind, at the same attach point. */
    @Override
    public void update(String programName) {
        if (closed.get()) {
            throw new IllegalStateException("link " + description + " is closed");
        }
        attachment = updater.update(this, programName);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "link " + description;
    }
}
