package io.bpf4j.map;

import java.util.OptionalInt;

/**
 * An array of maps ({@code BPF_MAP_TYPE_ARRAY_OF_MAPS}): each slot holds an inner map that
 * programs look up; inner maps must have the shape the outer map was declared with.
 */
public final class BpfArrayOfMaps extends BpfFdArray {
    /** Types a raw array of maps. */
    public BpfArrayOfMaps(RawMap map) {
        super(map);
    }

    /**
     * Stores {@code inner} at {@code index}.
     *
     * @throws IllegalStateException when the inner map's owner is closed (even while this runs)
     */
    public void set(int index, RawMap inner) {
        // The fd stays the inner map's for the update: its owner cannot close it meanwhile.
        inner.useFd(fd -> setFd(index, fd));
    }

    /** Stores the map of {@code inner} at {@code index}. */
    public void set(int index, BpfMap<?, ?> inner) {
        set(index, inner.raw());
    }

    /** The kernel id of the inner map at {@code index}; empty when the slot is empty. */
    public OptionalInt innerMapId(int index) {
        return storedId(index);
    }
}
