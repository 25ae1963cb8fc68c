package io.bpf4j.spec;

import io.bpf4j.text.Printable;

/**
 * A BPF object cannot be read: its message names the object and what is wrong, such as
 * {@code opensnoop: missing .BTF section: compile with clang -g}.
 */
public class SpecException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String objectName;

    /** Creates the exception for object {@code objectName} and the {@code problem} found in it. */
    public SpecException(String objectName, String problem) {
        super(Printable.escape(objectName) + ": " + problem);
        this.objectName = objectName;
    }

    /** Creates the exception for object {@code objectName}, caused by {@code cause}. */
    public SpecException(String objectName, String problem, Throwable cause) {
        super(Printable.escape(objectName) + ": " + problem, cause);
        this.objectName = objectName;
    }

    /** The name of the object that could not be read. */
    public String objectName() {
        return objectName;
    }
}
