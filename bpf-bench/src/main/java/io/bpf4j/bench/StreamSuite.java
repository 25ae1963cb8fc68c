package io.bpf4j.bench;

import io.bpf4j.Kernel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sustained-stream suite: {@code ringbuf_stream} (C) beside {@link StreamBenchmark} (Java), the
 * latter fed once by the C producer loop and once by a Java thread; returns their lines.
 */
final class StreamSuite {
    /** Rounds per stream figure (each round is the configured number of getpid calls). */
    static final int ROUNDS = 5;

    private StreamSuite() {
    }

    static List<String> run(Kernel kernel, BenchOptions options)
            throws IOException, InterruptedException {
        Path object = options.objects().resolve("io/bpf4j/bench/ringbuf_drain.bpf.o");
        long events = options.streamEvents();
        Map<String, Double> c = CHarness.run(options.harnesses().resolve("ringbuf_stream"),
                List.of("events_per_second", "drops", "cpu_ns_per_event", "getpid_ns"),
                object.toString(), Long.toString(events), Integer.toString(ROUNDS));
        StreamBenchmark.Figures fedByC;
        try (CGetpidProducer producer = CGetpidProducer.start(options.harnesses().resolve("ringbuf_stream"), events)) {
            fedByC = new StreamBenchmark(kernel, producer, events, ROUNDS).run();
        }
        StreamBenchmark.Figures fedByJava;
        try (JnaGetpidProducer producer = new JnaGetpidProducer(events)) {
            fedByJava = new StreamBenchmark(kernel, producer, events, ROUNDS).run();
        }
        String how = "(" + events + " getpid on CPU0, BPF_RB_NO_WAKEUP, drain every 10 ms on CPU1)";
        List<String> lines = new ArrayList<>();
        // The headline: both consumers fed by the same C loop, so the ratio compares the consumers.
        lines.addAll(lines("stream", fedByC, c, "M events/s consumed, C producer for both " + how));
        // Context: a Java application producing its own events pays for calling getpid through JNA.
        lines.addAll(lines("stream_jna_producer", fedByJava, c, "M events/s consumed, Java producer via JNA"));
        return lines;
    }

    /** The lines of one stream variant: events/s, drops, consumer CPU, producer cost, allocation. */
    private static List<String> lines(String name, StreamBenchmark.Figures java, Map<String, Double> c,
            String rateUnit) {
        return List.of(
                new BenchResult(name + "_events", java.eventsPerSecond() / 1e6, c.get("events_per_second") / 1e6,
                        rateUnit).line(),
                // Zero drops is the target, so a ratio would mostly be 0/0: both counts as they are.
                String.format(Locale.ROOT, "%s_drops java=%d c=%d records dropped (most in one round)", name,
                        java.drops(), Math.round(c.get("drops"))),
                new BenchResult(name + "_consumer_cpu", java.cpuNanosPerEvent(), c.get("cpu_ns_per_event"),
                        "ns consumer CPU/event (ThreadMXBean vs CLOCK_THREAD_CPUTIME_ID)").line(),
                new BenchResult(name + "_producer_getpid", java.getpidNanos(), c.get("getpid_ns"),
                        "ns/getpid incl. the program").line(),
                BenchResult.allocationLine(name + "_alloc_view", java.bytesPerEvent(), "B/event (consumer thread)"));
    }
}
