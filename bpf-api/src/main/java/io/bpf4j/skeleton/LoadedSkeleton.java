package io.bpf4j.skeleton;

import io.bpf4j.codec.Codec;
import io.bpf4j.map.BpfArrayMap;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.perfbuf.BpfPerfBuffer;
import io.bpf4j.program.BpfLink;
import io.bpf4j.program.BpfProgram;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.spec.ProgramKind;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.spi.MapHandle;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded generated skeleton: typed maps, data sections and programs, auto-attach, and
 * {@link #close()} releasing every reader, link, map and program, newest first.
 *
 * <p><b>Threads and close.</b> Everything a skeleton hands out may be used from several threads,
 * and {@link #close()} may come from any of them, at any time (a record handler included):
 * <ul>
 *   <li>an operation that loses the race to {@code close()} — a map lookup, a {@code .bss} read,
 *       a link update — throws {@link IllegalStateException} naming the object and the operation;
 *       it never reaches another object that took over the kernel resources;</li>
 *   <li>{@code close()} waits for the system calls in flight, so when it returns every fd and
 *       link is released; it never waits for a record handler (the handler may be the one
 *       closing): a ring a drain is reading is released when that drain ends;</li>
 *   <li>memory handed out stays safe to touch after close: a data-section view (such as a
 *       generated {@code Bss} struct view) reads the section's last contents, a record view kept
 *       past its handler reads zeros, and writes to either go nowhere.</li>
 * </ul>
 */
public abstract class LoadedSkeleton implements AutoCloseable {
    private final LoadedObject object;
    private final Set<String> notLoaded;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final List<BpfProgram> autoAttach = new ArrayList<>();
    private final List<BpfLink> links = new ArrayList<>();
    private boolean closed;

    /**
     * @param object the loaded object, owned from now on
     * @param notLoaded programs that were switched off before load
     */
    protected LoadedSkeleton(LoadedObject object, Set<String> notLoaded) {
        this.object = Objects.requireNonNull(object, "object");
        this.notLoaded = Set.copyOf(notLoaded);
    }

    /** A typed hash map of the object. */
    protected final <K, V> BpfHashMap<K, V> hashMap(String name, Codec<K> key, Codec<V> value) {
        return new BpfHashMap<>(object.map(name), key, value);
    }

    /** A typed array map of the object. */
    protected final <V> BpfArrayMap<V> arrayMap(String name, Codec<V> value) {
        return new BpfArrayMap<>(object.map(name), value);
    }

    /** A typed ring buffer of the object; its readers close with the skeleton. */
    protected final <T> BpfRingBuffer<T> ringBuffer(String name, Codec<T> record) {
        return new BpfRingBuffer<>(object, name, record, this::own);
    }

    /** A typed perf buffer of the object; its readers close with the skeleton. */
    protected final <T> BpfPerfBuffer<T> perfBuffer(String name, Codec<T> record) {
        return new BpfPerfBuffer<>(object, name, record, this::own);
    }

    /**
     * The raw map of that name, for the typed map classes that wrap a {@link MapHandle} directly
     * (per-CPU, queue/stack, LPM trie, bloom filter, prog array, maps of maps, stack traces…).
     */
    protected final MapHandle map(String name) {
        return object.map(name);
    }

    /**
     * The live memory of a data section. Generated accessors call this on every access: it costs a
     * hash lookup and a buffer duplicate, no system call.
     *
     * @throws IllegalStateException once the skeleton is closed
     */
    protected final ByteBuffer data(String section) {
        return object.data(section);
    }

    /**
     * A program of the object; {@code autoAttach} says whether {@link #attach()} attaches it (its
     * section names a target and it was loaded).
     */
    protected final BpfProgram program(String name, String section, ProgramKind kind, boolean autoAttach) {
        BpfProgram program = new BpfProgram(object, name, section, kind, this::own);
        if (autoAttach && !notLoaded.contains(name)) {
            this.autoAttach.add(program);
        }
        return program;
    }

    private synchronized void own(AutoCloseable resource) {
        if (closed) {
            closeQuietlyAfterClose(resource);
            throw new IllegalStateException("the skeleton is closed");
        }
        resources.push(resource);
    }

    private static void closeQuietlyAfterClose(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a resource opened after the skeleton closed", e);
        }
    }

    /**
     * Attaches every loaded program whose section name says where (libbpf's auto-attach). On failure,
     * the links made by this call are detached and the exception propagates.
     *
     * @return the links, also owned by the skeleton
     */
    public final synchronized List<BpfLink> attach() {
        List<BpfLink> made = new ArrayList<>();
        try {
            for (BpfProgram program : autoAttach) {
                made.add(program.attach());
            }
        } catch (RuntimeException e) {
            made.forEach(BpfLink::close);
            throw e;
        }
        links.addAll(made);
        return List.copyOf(made);
    }

    /** Detaches every link made by {@link #attach()}. */
    public final synchronized void detach() {
        links.forEach(BpfLink::close);
        links.clear();
    }

    /**
     * Closes readers and links (newest first), then the object; idempotent. Waits for operations
     * in flight on other threads (see the class notes).
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the skeleton", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        object.close();
        if (failure != null) {
            throw failure;
        }
    }
}
