package io.bpf4j.test.fake;

import io.bpf4j.trace.TracePipe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The fake kernel's trace pipe: lines the test injected, consumed as they are read. */
final class FakeTracePipe implements TracePipe {
    private final BlockingQueue<String> lines;
    private final Consumer<FakeTracePipe> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakeTracePipe(BlockingQueue<String> lines, Consumer<FakeTracePipe> onClose) {
        this.lines = lines;
        this.onClose = onClose;
    }

    @Override
    public String readLine(Duration timeout) {
        if (closed.get()) {
            throw new IllegalStateException("the trace pipe is closed");
        }
        try {
            return lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "trace pipe";
    }
}
