package io.bpf4j.bench;

/**
 * What feeds the sustained-stream benchmark: a loop on CPU 0 calling getpid(2), which the BPF
 * program turns into one ring-buffer record per call for the process {@link #tgid()}.
 */
interface StreamProducer extends AutoCloseable {
    /** The process whose getpid calls the program must record. */
    long tgid();

    /** Starts one burst of getpid calls; {@code consumer} is woken when it is done. */
    ProducerBurst start(Thread consumer);

    /** Waits for the last burst to end completely (its thread or its answer). */
    void awaitIdle() throws InterruptedException;

    /** Releases the producer's thread or process. Idempotent. */
    @Override
    void close();
}
