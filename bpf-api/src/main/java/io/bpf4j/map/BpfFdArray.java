package io.bpf4j.map;

import io.bpf4j.codec.Codecs;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * What arrays of kernel objects share (programs, maps, cgroups, perf events): user space stores an
 * object by its file descriptor, the map keeps its own reference, and reading a slot back gives the
 * object's kernel id where the map type allows it.
 */
public abstract class BpfFdArray extends BpfMap<Integer, Integer> {
    /** Types a raw array of kernel objects (4-byte keys and values). */
    protected BpfFdArray(RawMap map) {
        super(map, Codecs.INT32, Codecs.INT32);
    }

    /**
     * Stores the object {@code fd} refers to at {@code index}.
     *
     * @throws IllegalArgumentException when {@code index} is not 0 to {@code maxEntries() - 1}
     */
    protected final void setFd(int index, int fd) {
        checkIndex("set", index);
        raw.update(encodeKey(index), encodeValue(fd), UpdateFlag.ANY.bits());
    }

    /** The kernel id of the object at {@code index} (a program or map id); empty when the slot is empty. */
    protected final OptionalInt storedId(int index) {
        checkIndex("lookup", index);
        ByteBuffer value = allocate(4);
        return raw.lookup(encodeKey(index), value) ? OptionalInt.of(value.getInt(0)) : OptionalInt.empty();
    }

    /**
     * Empties slot {@code index}; false when it was empty.
     *
     * @throws IllegalArgumentException when {@code index} is not 0 to {@code maxEntries() - 1}
     */
    public boolean clear(int index) {
        checkIndex("clear", index);
        return raw.delete(encodeKey(index));
    }
}
