package io.bpf4j.spi;

import java.nio.ByteBuffer;

/**
 * An object that is open but not loaded: data sections can be set, programs toggled, the pin root
 * chosen. Its methods may be called from several threads, and any of them may race
 * {@link #close()}: then they throw {@link IllegalStateException} naming the object and the
 * operation.
 */
public interface OpenObject extends AutoCloseable {
    /**
     * The writable initial contents of a data section ({@code .rodata}, {@code .data}, {@code .bss},
     * {@code .rodata.*}, {@code .data.*}), in native byte order. What it holds at {@link #load()} is
     * what the programs start with. It is memory of the Java heap, not the loader's: a buffer kept
     * after {@code load()} or {@code close()} is safe to use, but no longer reaches the object.
     *
     * @throws io.bpf4j.BpfException when the object has no such section
     * @throws IllegalStateException once loaded or closed
     */
    ByteBuffer initialData(String sectionName);

    /** Chooses whether a program is loaded; by default every program is. */
    void setAutoload(String programName, boolean autoload);

    /**
     * Asks the verifier for a log of a program's load even when it succeeds: 1 for the basic log,
     * 2 for every instruction's state; read it with {@link LoadedObject#verifierLog} after load.
     */
    default void setLogLevel(String programName, int level) {
        throw Unsupported.byBackend(this, "setting the verifier log level of program '" + programName + "'");
    }

    /**
     * Pins the maps declared {@code __uint(pinning, LIBBPF_PIN_BY_NAME)} under {@code directory}
     * instead of {@code /sys/fs/bpf}: at load, each such map is taken from
     * {@code directory/<map name>} when a compatible map is pinned there, else created and pinned
     * there. The directory must exist on a BPF file system. Such pins outlive the object and the
     * process (that is their point): remove the files when the maps are no longer wanted.
     *
     * @throws IllegalArgumentException when {@code directory} is not an absolute path
     */
    default void setPinRoot(String directory) {
        throw Unsupported.byBackend(this, "setting the pin root to " + directory);
    }

    /**
     * Loads every map and program into the kernel. On success the returned object owns every
     * resource and this object's {@link #close()} does nothing; on failure everything opened so far
     * is released when this object is closed.
     *
     * @throws io.bpf4j.VerifierException when the verifier rejects a program
     */
    LoadedObject load();

    /** Releases the object; idempotent. */
    @Override
    void close();
}
