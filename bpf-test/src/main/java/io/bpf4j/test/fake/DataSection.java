package io.bpf4j.test.fake;

import io.bpf4j.Errno;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * A data section ({@code .rodata}, {@code .data}, {@code .bss}, ...) as the kernel holds it: one
 * block of memory shared by the programs and user space (the kernel's mmap of the array map).
 * {@code .rodata*} is frozen at load: afterwards user space can only read it.
 */
final class DataSection implements ElementStore {
    private final String name;
    private final ByteBuffer memory;
    /** The Open phase's copy, which {@link #load()} takes over; null until asked for. */
    private ByteBuffer initial;
    private final boolean readOnly;
    private boolean frozen;

    /** A section holding {@code initial} (as long as {@code size}), zero-filled after it. */
    DataSection(String name, int size, boolean readOnly, ByteBuffer initial) {
        this.name = name;
        this.readOnly = readOnly;
        this.memory = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
        if (initial != null) {
            for (int i = 0; i < Math.min(size, initial.remaining()); i++) {
                memory.put(i, initial.get(initial.position() + i));
            }
        }
    }

    String name() {
        return name;
    }

    int size() {
        return memory.capacity();
    }

    /**
     * A writable copy of the initial contents, as the Open phase hands it out before load: the
     * native backend's is a copy too, so a buffer kept after load does not reach the live memory.
     */
    synchronized ByteBuffer initialData() {
        if (initial == null) {
            initial = ByteBuffer.allocate(memory.capacity()).order(ByteOrder.nativeOrder());
            initial.put(0, memory, 0, memory.capacity());
        }
        return initial.duplicate().order(ByteOrder.nativeOrder());
    }

    /** Called at load: takes the Open phase's copy; read-only sections can no longer be written from user space. */
    synchronized void load() {
        if (initial != null) {
            memory.put(0, initial, 0, memory.capacity());
        }
        frozen = readOnly;
    }

    /** True once loaded, for read-only sections: user space may no longer write them. */
    boolean frozen() {
        return frozen;
    }

    /** The live memory after load: read-only for frozen sections. */
    ByteBuffer liveData() {
        ByteBuffer view = frozen ? memory.asReadOnlyBuffer() : memory.duplicate();
        return view.order(ByteOrder.nativeOrder());
    }

    @Override
    public synchronized Optional<Bytes> lookup(Bytes key) {
        if (ArrayStore.index(key) != 0) {
            return Optional.empty();
        }
        byte[] copy = new byte[memory.capacity()];
        memory.get(0, copy);
        return Optional.of(Bytes.of(copy));
    }

    @Override
    public synchronized void update(Bytes key, Bytes value, long flags) {
        long mode = ElementStore.checkUpdateFlags(flags);
        if (ArrayStore.index(key) != 0) {
            throw new ElementError(Errno.E2BIG, "a data section has the one element 0");
        }
        if (mode == NOEXIST) {
            throw new ElementError(Errno.EEXIST, "array elements always exist and BPF_NOEXIST was given");
        }
        memory.put(0, value.toArray());
    }

    @Override
    public void delete(Bytes key) {
        throw new ElementError(Errno.EINVAL, "array elements cannot be deleted");
    }

    @Override
    public Optional<Bytes> nextKey(Bytes key) {
        return ArrayStore.nextIndex(key, 1);
    }

    @Override
    public int count() {
        return 1;
    }
}
