package io.bpf4j.processor;

/**
 * A problem with an annotated element that stops its skeleton from being generated: a missing or
 * unusable object, or a type the generator cannot map yet. The processor reports the message as a
 * javac error on the element; the message says what is wrong and, where there is one, the fix.
 */
final class GenerationException extends Exception {
    private static final long serialVersionUID = 1L;

    GenerationException(String message) {
        super(message);
    }

    GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
