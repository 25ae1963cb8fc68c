package io.bpf4j.processor.cli;

/** A command line that cannot be run; the message says what is wrong and how to write it. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
