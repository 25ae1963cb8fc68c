package io.bpf4j.object;

import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.text.Printable;
import java.util.Objects;

/**
 * A program of an object in the Open phase ({@link OpenBpfObject#program}): whether it is loaded,
 * and how much the verifier logs about it. Thread-safe; once the object is loaded or closed, the
 * setters throw {@link IllegalStateException}.
 */
public final class OpenProgram {
    private final OpenBpfObject object;
    private final ProgramSpec spec;

    OpenProgram(OpenBpfObject object, ProgramSpec spec) {
        this.object = object;
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /** The program's name (its C function name). */
    public String name() {
        return spec.name();
    }

    /** Its {@code SEC()} name. */
    public String sectionName() {
        return spec.sectionName();
    }

    /** Its kind, parsed from the section name. */
    public ProgramKind kind() {
        return spec.kind();
    }

    /** What the object declares about it. */
    public ProgramSpec spec() {
        return spec;
    }

    /**
     * Chooses whether the program is loaded (every program is, by default). A program left out is
     * not attached by {@link BpfObject#attachAll()} either, and the verifier never sees it: the way
     * to ship one object for kernels with and without a feature.
     *
     * @return this program, to set more
     */
    public OpenProgram autoload(boolean load) {
        object.setAutoload(this, load);
        return this;
    }

    /** Whether the program will be loaded. */
    public boolean autoload() {
        return object.autoloads(this);
    }

    /**
     * Asks the verifier for a log of the program's load even when it succeeds: 1 for the basic log,
     * 2 for every instruction's state, 0 for none; read it afterwards with
     * {@link io.bpf4j.program.BpfProgram#verifierLog()}.
     *
     * @return this program, to set more
     * @throws IllegalArgumentException when {@code level} is not 0, 1 or 2
     * @throws io.bpf4j.UnsupportedFeatureException when the kernel cannot keep the log
     */
    public OpenProgram logLevel(int level) {
        if (level < 0 || level > 2) {
            throw new IllegalArgumentException("setting the verifier log level of program '"
                    + Printable.escape(name()) + "': level must be 0, 1 or 2, not " + level);
        }
        object.setLogLevel(this, level);
        return this;
    }

    @Override
    public String toString() {
        return "OpenProgram[" + Printable.escape(name()) + ", SEC(\""
                + Printable.escape(sectionName()) + "\")]";
    }
}
