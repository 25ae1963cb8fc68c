package io.bpf4j.tools.symbols;

import io.bpf4j.Errno;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** The errno behind a file-reading failure, as far as the JDK's exception types reveal it. */
final class IoErrno {
    private IoErrno() {
    }

    /** ENOENT or EACCES when the exception type says so, else 0 (unknown). */
    static int of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Errno.ENOENT;
        }
        if (e instanceof AccessDeniedException) {
            return Errno.EACCES;
        }
        return 0;
    }
}
