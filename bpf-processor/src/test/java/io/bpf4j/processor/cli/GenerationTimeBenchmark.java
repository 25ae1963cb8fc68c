package io.bpf4j.processor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bpf4j.processor.SkeletonProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the processor adds to a warm javac run, for {@code p/big.bpf.o} (50 structs, 20 maps): javac
 * compiling {@code @BpfSkeleton("big.bpf.o") final class Big {}} without the processor, with it
 * (generating and compiling {@code BigSkel}), and with it but {@code -proc:only} (generation alone).
 * Each case runs {@value #WARM_UP} times to warm the JVM, then {@value #MEASURED} measured times, in
 * this JVM through javax.tools, with class files kept in memory. Both the wall-clock time and the
 * CPU time of the compiling thread (javac runs in the caller's thread) are reported: on a shared,
 * busy machine the wall-clock time mostly measures the other processes, the CPU time does not.
 *
 * <p>Not part of the default suite; run it with
 * {@code mvn -pl bpf-processor test -Dtest=GenerationTimeBenchmark -Dbpf4j.benchmark=true}. It
 * prints the figures on standard error and writes them to {@code target/generation-time.txt}
 * (docs/performance.md, "Skeleton generation time").
 */
@EnabledIfSystemProperty(named = "bpf4j.benchmark", matches = "true")
class GenerationTimeBenchmark {
    private static final int WARM_UP = 10;
    private static final int MEASURED = 20;
    private static final String SOURCE = "package p;\n@io.bpf4j.BpfSkeleton(\"big.bpf.o\")\nfinal class Big {}\n";

    /** One way to run javac over the annotated type. */
    private record Case(String name, List<String> options, boolean withProcessor) {}

    /** One run's cost, in nanoseconds. */
    private record Cost(long wall, long cpu) {}

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void measuresWhatTheProcessorAddsToAWarmCompile() throws IOException {
        String classPath = ProcessorRun.apiClassPath();
        List<Case> cases = List.of(
                new Case("javac without the processor", List.of("-proc:none", "-classpath", classPath), false),
                new Case("javac with the processor (generate + compile BigSkel)", List.of("-classpath", classPath),
                        true),
                new Case("processor alone (-proc:only)", List.of("-proc:only", "-classpath", classPath), true));
        List<String> report = new ArrayList<>();
        report.add("object p/big.bpf.o (50 structs, 20 maps); " + WARM_UP + " warm-up + " + MEASURED
                + " measured runs per case, one JVM (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs)");
        double[] wallMedians = new double[cases.size()];
        double[] cpuMedians = new double[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
            long[] wall = new long[MEASURED];
            long[] cpu = new long[MEASURED];
            for (int run = -WARM_UP; run < MEASURED; run++) {
                Cost cost = compile(cases.get(c));
                if (run >= 0) {
                    wall[run] = cost.wall();
                    cpu[run] = cost.cpu();
                }
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            wallMedians[c] = millis(wall[MEASURED / 2]);
            cpuMedians[c] = millis(cpu[MEASURED / 2]);
            report.add(String.format(Locale.ROOT,
                    "%-55s wall: median %7.1f ms, min %7.1f ms, max %7.1f ms; "
                            + "thread CPU: median %7.1f ms, min %7.1f ms",
                    cases.get(c).name(), wallMedians[c], millis(wall[0]), millis(wall[MEASURED - 1]), cpuMedians[c],
                    millis(cpu[0])));
        }
        report.add(String.format(Locale.ROOT, "added by the processor (median with - median without): "
                + "wall %.1f ms, thread CPU %.1f ms; load average %s", wallMedians[1] - wallMedians[0],
                cpuMedians[1] - cpuMedians[0], loadAverage()));
        String text = String.join("\n", report) + "\n";
        System.err.print(text);
        Files.writeString(Path.of("target/generation-time.txt"), text, StandardCharsets.UTF_8);
    }

    /** One javac run of the case. */
    private Cost compile(Case run) throws IOException {
        JavaCompiler javac = ProcessorRun.javac();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        boolean compiled;
        InMemoryFileManager files;
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            files = new InMemoryFileManager(standard, Map.of("p/big.bpf.o", TestObjects.object("big.bpf.o")));
            JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, diagnostics, run.options(),
                    null, List.of(new InMemoryFileManager.StringSource("p.Big", SOURCE)));
            if (run.withProcessor()) {
                task.setProcessors(List.<Processor>of(new SkeletonProcessor()));
            }
            compiled = task.call();
        }
        Cost cost = new Cost(System.nanoTime() - start, threads.getCurrentThreadCpuTime() - startCpu);
        assertThat(compiled).as("%s: %s", run.name(), diagnostics.getDiagnostics()).isTrue();
        assertThat(files.generatedSources().containsKey("p.BigSkel")).isEqualTo(run.withProcessor());
        return cost;
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
