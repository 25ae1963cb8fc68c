package io.bpf4j.bench;

/**
 * A producer thread of this JVM, pinned to CPU 0, calling getpid(2) through JNA (see
 * {@link Getpid}): what a Java application producing its own events looks like. A JNA call costs
 * more than C's {@code syscall(2)}, so this producer is slower than the C harness's.
 */
final class JnaGetpidProducer implements StreamProducer {
    private static final int PRODUCER_CPU = 0;

    private final long events;
    private Thread thread;

    JnaGetpidProducer(long events) {
        this.events = events;
    }

    @Override
    public long tgid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public ProducerBurst start(Thread consumer) {
        ProducerBurst burst = new ProducerBurst(consumer);
        thread = new Thread(() -> {
            try {
                CpuAffinity.pinCurrentThread(PRODUCER_CPU);
                long start = System.nanoTime();
                Getpid.call(events);
                burst.complete((double) (System.nanoTime() - start) / events);
            } catch (RuntimeException e) {
                burst.fail(e);
            }
        }, "bpf4j-bench-producer");
        thread.start();
        return burst;
    }

    @Override
    public void awaitIdle() throws InterruptedException {
        if (thread != null) {
            thread.join();
        }
    }

    @Override
    public void close() {
        // Each burst's thread ends with its burst (awaitIdle): nothing stays behind.
    }
}
