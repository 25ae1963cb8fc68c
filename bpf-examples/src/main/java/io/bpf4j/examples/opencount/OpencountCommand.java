package io.bpf4j.examples.opencount;

import io.bpf4j.Kernel;
import io.bpf4j.codec.Codecs;
import io.bpf4j.examples.cli.Deadline;
import io.bpf4j.examples.cli.StopSignal;
import io.bpf4j.examples.cli.ToolCommand;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.object.BpfObject;
import io.bpf4j.object.OpenBpfObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code opencount}: counts openat(2) calls per process until Ctrl-C or {@code -d}, then prints
 * {@code PID COUNT}, most first. It uses no generated code: the object is opened from the class
 * path by name, its {@code .rodata} constant {@code target_pid} set by name (checked against the
 * variable's BTF type, a {@code __u32}), and its hash map {@code counts} typed by hand with
 * {@link Codecs}.
 */
@Command(name = "opencount", mixinStandardHelpOptions = true,
        description = "Count openat(2) calls per process (an object opened by name, no generated code).")
public final class OpencountCommand extends ToolCommand {
    /** The object, a class-path resource next to this class (built from src/main/bpf). */
    static final String OBJECT = "opencount.bpf.o";
    private static final long POLL_MILLIS = 100;

    @Override
    protected void run(Kernel kernel, PrintWriter out, StopSignal stop, Deadline deadline) {
        try (OpenBpfObject open = kernel.openResource(OpencountCommand.class, OBJECT)) {
            open.rodata().setLong("target_pid", pid());
            try (BpfObject object = open.load()) {
                object.attachAll();
                BpfHashMap<Long, Long> counts = object.hashMap("counts", Codecs.UINT32, Codecs.UINT64);
                awaitStop(out, stop, deadline);
                print(counts.dumpAll(), out);
            }
        }
    }

    private static void awaitStop(PrintWriter out, StopSignal stop, Deadline deadline) {
        while (running(out, stop, deadline)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stop counting, print what was counted
                return;
            }
        }
    }

    /** The table: a header, then one row per process, the most openat(2) calls first. */
    static void print(Map<Long, Long> counts, PrintWriter out) {
        List<Map.Entry<Long, Long>> rows = new ArrayList<>(counts.entrySet());
        Comparator<Long> mostFirst = (a, b) -> Long.compareUnsigned(b, a); // a __u64 count
        rows.sort(Map.Entry.<Long, Long>comparingByValue(mostFirst).thenComparing(Map.Entry.comparingByKey()));
        out.printf("%-7s %s%n", "PID", "COUNT");
        for (Map.Entry<Long, Long> row : rows) {
            out.printf("%-7d %s%n", row.getKey(), Long.toUnsignedString(row.getValue()));
        }
        out.flush();
    }
}
