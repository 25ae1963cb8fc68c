package io.bpf4j.spec;

/**
 * A problem found while building the spec, before the object's name is attached: the readers
 * throw it and {@link ObjectSpecReader} turns it into a {@link SpecException}.
 */
final class ObjectProblem extends Exception {
    private static final long serialVersionUID = 1L;

    ObjectProblem(String message) {
        super(message);
    }

    ObjectProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
