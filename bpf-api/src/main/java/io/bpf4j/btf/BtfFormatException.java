package io.bpf4j.btf;

/** The bytes are not well-formed BTF; the message names the type id or offset at fault. */
public class BtfFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the problem and its location. */
    public BtfFormatException(String message) {
        super(message);
    }
}
