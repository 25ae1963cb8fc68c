package io.bpf4j.spi;

import io.bpf4j.UnsupportedFeatureException;

/** The exception the SPI's default methods throw for operations a backend does not implement. */
final class Unsupported {
    private Unsupported() {}

    static UnsupportedFeatureException byBackend(Object backend, String operation) {
        return new UnsupportedFeatureException(operation, 0,
                operation + " not supported by this backend (" + backend.getClass().getSimpleName() + ")");
    }
}
