package io.bpf4j.test.fake;

/** A map operation refused with an errno, as the kernel refuses it; {@link FakeMap} names the operation. */
final class ElementError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    ElementError(int errno, String detail) {
        super(detail, null, false, false);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
