package io.bpf4j.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The C harness's own producer loop in a child process ({@code ringbuf_stream --produce EVENTS},
 * pinned to CPU 0): the Java consumer is fed exactly as the C consumer is, so the two stream
 * figures compare the consumers and not the cost of calling getpid from Java.
 */
final class CGetpidProducer implements StreamProducer {
    private static final String ANSWER = "getpid_ns ";

    private final Process process;
    private final OutputStream requests;
    private final BufferedReader answers;
    private Thread listener;
    private boolean closed;

    private CGetpidProducer(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
    }

    /** Starts the child process; close the result to end it. */
    static CGetpidProducer start(Path harness, long events) throws IOException {
        Process process = new ProcessBuilder(harness.toString(), "--produce", Long.toString(events))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new CGetpidProducer(process);
    }

    @Override
    public long tgid() {
        return process.pid();
    }

    @Override
    public ProducerBurst start(Thread consumer) {
        ProducerBurst burst = new ProducerBurst(consumer);
        try {
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("asking the producer process " + process.pid() + " for a burst", e);
        }
        // The answer comes when the burst is over; a thread waits for it so the consumer never blocks.
        listener = new Thread(() -> {
            try {
                String line = answers.readLine();
                if (line == null || !line.startsWith(ANSWER)) {
                    throw new IllegalStateException("producer process " + process.pid() + " answered '" + line + "'");
                }
                burst.complete(Double.parseDouble(line.substring(ANSWER.length())));
            } catch (IOException e) {
                burst.fail(new UncheckedIOException("reading the producer process's answer", e));
            } catch (RuntimeException e) {
                burst.fail(e);
            }
        }, "bpf4j-bench-producer-answer");
        listener.start();
        return burst;
    }

    @Override
    public void awaitIdle() throws InterruptedException {
        if (listener != null) {
            listener.join();
        }
    }

    /** Ends the child process (end of input), forcibly if it does not exit within seconds. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            requests.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("closing the producer process's input", e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
