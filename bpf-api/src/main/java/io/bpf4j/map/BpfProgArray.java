package io.bpf4j.map;

import io.bpf4j.program.BpfProgram;
import java.util.OptionalInt;

/**
 * A program array ({@code BPF_MAP_TYPE_PROG_ARRAY}): the targets of {@code bpf_tail_call}. A tail
 * call to an empty slot falls through to the code after it.
 */
public final class BpfProgArray extends BpfFdArray {
    /** Types a raw program array. */
    public BpfProgArray(RawMap map) {
        super(map);
    }

    /**
     * Makes tail calls to {@code index} run {@code program}, which must have the caller's program type.
     *
     * @throws IllegalStateException when the program's object is closed (even while this runs)
     */
    public void set(int index, BpfProgram program) {
        // The fd stays the program's for the update: its object cannot close it meanwhile.
        program.useFd(fd -> setFd(index, fd));
    }

    /** The kernel id of the program at {@code index}; empty when the slot is empty. */
    public OptionalInt programId(int index) {
        return storedId(index);
    }
}
