package io.bpf4j.elf;

/** The bytes are not a well-formed ELF BPF object; the message says what is wrong and where. */
public class ElfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem and its location. */
    public ElfFormatException(String message) {
        super(message);
    }
}
