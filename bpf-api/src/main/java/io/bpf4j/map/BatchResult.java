package io.bpf4j.map;

/**
 * What one batch operation did ({@code BPF_MAP_*_BATCH}).
 *
 * @param count how many elements were processed: copied out by a lookup, written by an update,
 *     removed by a delete
 * @param exhausted for lookups: the map has no elements after these (the kernel answered ENOENT),
 *     so the iteration is over; always {@code false} for updates and deletes
 */
public record BatchResult(int count, boolean exhausted) {
    /**
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public BatchResult {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
    }
}
