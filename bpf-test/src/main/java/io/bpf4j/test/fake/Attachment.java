package io.bpf4j.test.fake;

import io.bpf4j.spec.ProgramKind;
import java.util.Objects;

/**
 * A program attached in the fake kernel: which program, of which object, as what kind, to what.
 *
 * @param objectName the object's name, such as {@code opensnoop}
 * @param programName the program's name, such as {@code trace_openat}
 * @param kind how it attached, from its section name
 * @param target what it attached to, such as {@code syscalls/sys_enter_openat}
 */
public record Attachment(String objectName, String programName, ProgramKind kind, String target) {
    /** Checks the parts are present. */
    public Attachment {
        Objects.requireNonNull(objectName, "objectName");
        Objects.requireNonNull(programName, "programName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
    }

    @Override
    public String toString() {
        return objectName + ":" + programName + " → " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + target;
    }
}
