package io.bpf4j.linux;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Memory this process mapped from a kernel object's fd (a map, a perf event) and hands out as
 * {@link ByteBuffer}s, which is never unmapped while a buffer over it can still be used.
 *
 * <p>{@link #revoke} ends the sharing: it replaces the range in place, atomically, with private
 * anonymous memory of the same protection — zeroed, or holding a copy of the last contents — so
 * the kernel object is let go at once (the mapping held a reference to it), while a buffer someone
 * kept still reads and writes memory of this process instead of faulting. The address range itself
 * is unmapped only when no buffer over it is reachable: every buffer handed out derives (slice,
 * duplicate, {@code asReadOnlyBuffer}) from one root buffer, which the JDK's derived direct buffers
 * keep reachable through their attachment, and a {@link Cleaner} registered on the root unmaps.
 * The root itself is never handed out, and this object holds it, so the range cannot be unmapped
 * (and reused by another mapping) before a revocation that might still write there.
 *
 * <p>A mapping may be up to {@link #MAX_LENGTH} bytes, one more than a buffer holds (the data area
 * of a 1 GiB ring buffer, mapped twice): then its buffers reach all but its last byte.
 */
final class SharedMapping {
    /** One daemon thread for every mapping of the library. */
    private static final Cleaner CLEANER = Cleaner.create();
    /** The longest mapping: 2 GiB. */
    static final long MAX_LENGTH = 1L << 31;

    private final String what;
    private final long address;
    private final long length;
    private final int prot;
    /** Covers the whole range, or its first 2^31 - 1 bytes; every buffer handed out derives from it. */
    private final ByteBuffer root;
    private boolean revoked;

    private SharedMapping(String what, long address, long length, int prot) {
        this.what = what;
        this.address = address;
        this.length = length;
        this.prot = prot;
        this.root = new Pointer(address).getByteBuffer(0, Math.min(length, Integer.MAX_VALUE))
                .order(ByteOrder.nativeOrder());
        CLEANER.register(root, new Unmap(address, length));
    }

    /**
     * Maps {@code length} bytes of {@code fd} from {@code offset}, shared with the kernel.
     *
     * @param what the memory in words, for messages (e.g. {@code "ring buffer 'events' (consumer page)"})
     * @param prot {@link LibC#PROT_READ}, optionally with {@link LibC#PROT_WRITE}
     * @throws io.bpf4j.BpfException naming {@code what} and the errno when mmap fails
     */
    static SharedMapping map(String what, int fd, long offset, long length, int prot) {
        if (length <= 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("mapping " + what + ": " + length
                    + " bytes cannot be handed out as ByteBuffers (at most " + MAX_LENGTH + ")");
        }
        long address = LibC.mmap(0, length, prot, LibC.MAP_SHARED, fd, offset);
        if (address == LibC.MAP_FAILED) {
            throw KernelErrors.failure("mapping " + what, Native.getLastError(), null);
        }
        return new SharedMapping(what, address, length, prot);
    }

    /** The mapping's size in bytes. */
    long length() {
        return length;
    }

    /**
     * A buffer over {@code [offset, offset + size)}, in native byte order; read-only when asked or
     * when the memory is not writable (a write to read-only memory would crash instead of throwing).
     */
    ByteBuffer buffer(int offset, int size, boolean readOnly) {
        ByteBuffer slice = root.slice(offset, size);
        if (readOnly || (prot & LibC.PROT_WRITE) == 0) {
            slice = slice.asReadOnlyBuffer();
        }
        return slice.order(ByteOrder.nativeOrder());
    }

    /**
     * Stops sharing the memory with the kernel object, keeping the address range usable; idempotent.
     *
     * @param keepContents whether the private memory starts with a copy of the last contents (a read
     *     racing the revocation sees the last value) or zeroed (no copy: for large rings)
     * @return false when even zeroed memory could not be mapped (ENOMEM): then the range stays
     *     shared, and the kernel object lives until the buffers are unreachable
     */
    synchronized boolean revoke(boolean keepContents) {
        if (revoked) {
            return true;
        }
        try {
            revoked = (keepContents && replaceWithCopy()) || replaceWithZeros();
            return revoked;
        } finally {
            Reference.reachabilityFence(root);
        }
    }

    /**
     * Moves a private copy of the contents over the range: mremap replaces it in one step. The last
     * byte of a {@link #MAX_LENGTH} mapping, which no buffer reaches, is left zero.
     */
    private boolean replaceWithCopy() {
        long copy = LibC.mmap(0, length, LibC.PROT_READ | LibC.PROT_WRITE, LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS,
                -1, 0);
        if (copy == LibC.MAP_FAILED) {
            return false;
        }
        new Pointer(copy).getByteBuffer(0, root.capacity()).put(0, root, 0, root.capacity());
        if (prot != (LibC.PROT_READ | LibC.PROT_WRITE) && LibC.mprotect(copy, length, prot) != 0) {
            LibC.munmap(copy, length);
            return false;
        }
        long moved = LibC.syscall(LibC.SYS_MREMAP, copy, length, length, LibC.MREMAP_MAYMOVE | LibC.MREMAP_FIXED,
                address);
        if (moved != address) {
            LibC.munmap(copy, length);
            return false;
        }
        return true;
    }

    /** Maps zeroed private memory over the range; MAP_FIXED replaces it in one step. */
    private boolean replaceWithZeros() {
        long mapped = LibC.mmap(address, length, prot, LibC.MAP_FIXED | LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        return mapped == address;
    }

    @Override
    public String toString() {
        return what + " (" + length + " bytes" + (revoked ? ", revoked)" : ")");
    }

    /** The Cleaner's action: holds only the range, never the root it waits for. */
    private static final class Unmap implements Runnable {
        private final long address;
        private final long length;

        Unmap(long address, long length) {
            this.address = address;
            this.length = length;
        }

        @Override
        public void run() {
            LibC.munmap(address, length);
        }
    }
}
