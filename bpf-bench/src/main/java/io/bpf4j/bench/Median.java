package io.bpf4j.bench;

import java.util.Arrays;

/** The median of repeated measurements: robust against the odd round a busy machine slows down. */
final class Median {
    private Median() {
    }

    static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
