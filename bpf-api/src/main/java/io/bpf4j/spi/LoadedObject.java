package io.bpf4j.spi;

import io.bpf4j.program.AttachTarget;
import io.bpf4j.program.ProgramInfo;
import io.bpf4j.program.RunStatistics;
import io.bpf4j.program.TestRunRequest;
import io.bpf4j.program.TestRunResult;
import java.nio.ByteBuffer;

/**
 * An object whose maps and programs live in the kernel. Closing it releases every fd, mmap and link.
 *
 * <p>Thread-safe. Any method, and any operation on the maps, programs, links and buffers it handed
 * out, may race {@link #close()}: an operation that loses throws {@link IllegalStateException}
 * naming the object and the operation, and never reaches another kernel object (see the
 * {@linkplain io.bpf4j.spi package} notes).
 */
public interface LoadedObject extends AutoCloseable {
    /** The map of that name; throws {@link io.bpf4j.BpfException} naming it when absent. */
    MapHandle map(String name);

    /** The program of that name; throws {@link io.bpf4j.BpfException} naming it when absent or not loaded. */
    ProgramHandle program(String name);

    /**
     * The live memory of a data section, shared with the programs ({@code .bss}, {@code .data}
     * writable; {@code .rodata} read-only), in native byte order. Cheap enough to call on every
     * access (generated accessors do): no system call, no native call. Each call returns a new
     * buffer over the same memory.
     *
     * <p>A buffer kept after {@link #close()}, or read while another thread closes the object, is
     * safe to use: it reads the section's last contents, and writes to it reach neither the
     * programs nor the kernel.
     *
     * @throws io.bpf4j.BpfException when the object has no such section
     * @throws IllegalStateException once the object is closed
     */
    ByteBuffer data(String sectionName);

    /**
     * Attaches a program where its section name says (libbpf's auto-attach).
     *
     * @throws io.bpf4j.UnsupportedFeatureException when the kernel lacks the attach kind
     */
    LinkHandle attach(String programName);

    /**
     * Attaches a program at an explicit target.
     *
     * @throws io.bpf4j.UnsupportedFeatureException when the kernel (or this backend) lacks the attach kind
     * @throws io.bpf4j.BpfException naming the target's argument the kernel refused (symbol,
     *     interface, pid, ...)
     */
    default LinkHandle attach(String programName, AttachTarget target) {
        throw Unsupported.byBackend(this, "attaching program '" + programName + "' to " + target);
    }

    /**
     * Runs a program once or repeatedly on the given input ({@code BPF_PROG_TEST_RUN}), without
     * attaching it.
     */
    default TestRunResult testRun(String programName, TestRunRequest request) {
        throw Unsupported.byBackend(this, "test-running program '" + programName + "'");
    }

    /** The kernel's view of a program: id, tag, run statistics. */
    default ProgramInfo programInfo(String programName) {
        throw Unsupported.byBackend(this, "reading the info of program '" + programName + "'");
    }

    /**
     * Makes the kernel count program runs and run time (for {@link #programInfo}) until the returned
     * handle is closed.
     */
    default RunStatistics enableRunStatistics() {
        throw Unsupported.byBackend(this, "enabling run statistics");
    }

    /**
     * The verifier's log of a program's successful load; empty unless a log level was set with
     * {@link OpenObject#setLogLevel} before the load.
     */
    default String verifierLog(String programName) {
        throw Unsupported.byBackend(this, "reading the verifier log of program '" + programName + "'");
    }

    /** Maps a ring-buffer map's memory for reading in Java. The caller closes it. */
    RingBufferMemory ringBuffer(String mapName);

    /**
     * Opens a perf buffer on a perf event array map: one perf event and ring of
     * {@code pagesPerCpu} data pages (a power of two) per CPU, each plugged into the map's slot
     * for its CPU. The caller closes it.
     */
    default PerfBufferMemory perfBuffer(String mapName, int pagesPerCpu) {
        throw Unsupported.byBackend(this, "opening perf buffer '" + mapName + "'");
    }

    /**
     * Releases every map, program, link, mapping and ring buffer of this object; idempotent. Waits
     * for the system calls in flight on other threads (a syscall's worth of time); when called from
     * inside one (a log callback during attach), returns at once and that call's end releases.
     * Never waits for a record handler: a ring or perf buffer a drain is reading is released when
     * the drain ends.
     */
    @Override
    void close();
}
