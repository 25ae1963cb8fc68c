package io.bpf4j.object;

import io.bpf4j.codec.Codec;
import io.bpf4j.internal.Bridge;
import io.bpf4j.internal.MapAccess;
import io.bpf4j.internal.PerfBufferAccess;
import io.bpf4j.internal.ProgramAccess;
import io.bpf4j.internal.RingBufferAccess;
import io.bpf4j.map.BpfArrayMap;
import io.bpf4j.map.BpfArrayOfMaps;
import io.bpf4j.map.BpfBloomFilter;
import io.bpf4j.map.BpfCgroupArray;
import io.bpf4j.map.BpfHashMap;
import io.bpf4j.map.BpfHashOfMaps;
import io.bpf4j.map.BpfLpmTrie;
import io.bpf4j.map.BpfPerCpuArrayMap;
import io.bpf4j.map.BpfPerCpuCounters;
import io.bpf4j.map.BpfPerCpuHashMap;
import io.bpf4j.map.BpfPerfEventArray;
import io.bpf4j.map.BpfProgArray;
import io.bpf4j.map.BpfQueue;
import io.bpf4j.map.BpfStack;
import io.bpf4j.map.BpfStackTraceMap;
import io.bpf4j.map.RawMap;
import io.bpf4j.perfbuf.BpfPerfBuffer;
import io.bpf4j.program.BpfLink;
import io.bpf4j.program.BpfProgram;
import io.bpf4j.program.RunStatistics;
import io.bpf4j.ringbuf.BpfRingBuffer;
import io.bpf4j.spec.DataSectionSpec;
import io.bpf4j.spec.MapType;
import io.bpf4j.spec.ObjectSpec;
import io.bpf4j.spec.ProgramSpec;
import io.bpf4j.spi.LoadedObject;
import io.bpf4j.text.Printable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A loaded object ({@link OpenBpfObject#load()}): its maps by name, raw ({@link #map}) or typed
 * through codecs ({@link #hashMap}, {@link #ringBuffer}, …), its programs ({@link #program},
 * {@link #attachAll()}), its data sections ({@link #data}, {@link #rodata()}), and {@link #close()}
 * releasing every reader, link, map and program, newest first.
 *
 * <p><b>Threads and close.</b> Everything an object hands out may be used from several threads,
 * and {@link #close()} may come from any of them, at any time (a record handler included):
 * <ul>
 *   <li>an operation that loses the race to {@code close()} — a map lookup, a {@code .bss} read,
 *       a link update — throws {@link IllegalStateException} naming the object and the operation;
 *       it never reaches another object that took over the kernel resources;</li>
 *   <li>{@code close()} waits for the system calls in flight, so when it returns every fd and
 *       link is released; it never waits for a record handler (the handler may be the one
 *       closing): a ring a drain is reading is released when that drain ends;</li>
 *   <li>memory handed out stays safe to touch after close: a data section's buffer reads the
 *       section's last contents, a record view kept past its handler reads zeros, and writes to
 *       either go nowhere.</li>
 * </ul>
 *
 * <p>The typed map methods make a new typed view on each call (cheap: nothing is read from the
 * kernel); each checks that the codecs' sizes are the map's. They are the same classes a
 * generated skeleton hands out, and the same as building them from {@link #map} by hand.
 */
public final class BpfObject implements AutoCloseable {
    /** The section of {@code const volatile} globals. */
    static final String RODATA = ".rodata";
    /** The section of zero-initialised globals. */
    static final String BSS = ".bss";
    /** The externs the loader fills in from the kernel's configuration. */
    static final String KCONFIG = ".kconfig";

    private final LoadedObject object;
    private final ObjectSpec spec;
    private final Map<String, BpfProgram> programs = new LinkedHashMap<>();
    private final Map<String, DataSectionView> sections = new LinkedHashMap<>();
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final List<BpfLink> attached = new ArrayList<>();
    private boolean closed;

    BpfObject(LoadedObject object, ObjectSpec spec, Set<String> notLoaded) {
        this.object = Objects.requireNonNull(object, "object");
        this.spec = Objects.requireNonNull(spec, "spec");
        ProgramAccess access = Bridge.get(ProgramAccess.class, BpfProgram.class);
        for (ProgramSpec program : spec.programs()) {
            programs.putIfAbsent(program.name(),
                    access.program(object, program, !notLoaded.contains(program.name()), this::own));
        }
        for (DataSectionSpec section : spec.dataSections()) {
            sections.put(section.name(), section.readOnly()
                    ? new ReadOnlyDataSection(section, spec.btf(), object)
                    : new DataSection(section, spec.btf(), object));
        }
    }

    /** The object's name, as the kernel knows it. */
    public String name() {
        return spec.name();
    }

    /** What the object declares: programs, maps, data sections and their variables, BTF. */
    public ObjectSpec spec() {
        return spec;
    }

    /**
     * Map {@code name} as bytes; closing the object closes it.
     *
     * @throws io.bpf4j.BpfException naming the map when the object has none of that name
     * @throws IllegalStateException once the object is closed
     */
    public RawMap map(String name) {
        Objects.requireNonNull(name, "name");
        return Bridge.get(MapAccess.class, RawMap.class).objectMap(object.map(name));
    }

    /** Hash or LRU hash map {@code name}, typed: the codecs' sizes must be the map's key and value sizes. */
    public <K, V> BpfHashMap<K, V> hashMap(String name, Codec<K> key, Codec<V> value) {
        return new BpfHashMap<>(map(name), key, value);
    }

    /** Array map {@code name}, its values typed. */
    public <V> BpfArrayMap<V> arrayMap(String name, Codec<V> value) {
        return new BpfArrayMap<>(map(name), value);
    }

    /** Per-CPU (or LRU per-CPU) hash map {@code name}; {@code value} is one CPU's value. */
    public <K, V> BpfPerCpuHashMap<K, V> perCpuHashMap(String name, Codec<K> key, Codec<V> value) {
        return new BpfPerCpuHashMap<>(map(name), key, value);
    }

    /** Per-CPU array map {@code name}; {@code value} is one CPU's value. */
    public <V> BpfPerCpuArrayMap<V> perCpuArrayMap(String name, Codec<V> value) {
        return new BpfPerCpuArrayMap<>(map(name), value);
    }

    /** Per-CPU array of {@code __u64} counters {@code name}, each read summed over the CPUs. */
    public BpfPerCpuCounters perCpuCounters(String name) {
        return new BpfPerCpuCounters(map(name));
    }

    /** Queue map {@code name}. */
    public <V> BpfQueue<V> queue(String name, Codec<V> value) {
        return new BpfQueue<>(map(name), value);
    }

    /** Stack map {@code name}. */
    public <V> BpfStack<V> stack(String name, Codec<V> value) {
        return new BpfStack<>(map(name), value);
    }

    /** Bloom filter map {@code name}. */
    public <V> BpfBloomFilter<V> bloomFilter(String name, Codec<V> value) {
        return new BpfBloomFilter<>(map(name), value);
    }

    /** LPM trie {@code name}; {@code data} encodes the key after its 4-byte prefix length. */
    public <D, V> BpfLpmTrie<D, V> lpmTrie(String name, Codec<D> data, Codec<V> value) {
        return new BpfLpmTrie<>(map(name), data, value);
    }

    /** Program array {@code name}, the targets of {@code bpf_tail_call}. */
    public BpfProgArray progArray(String name) {
        return new BpfProgArray(map(name));
    }

    /** Array of maps {@code name}. */
    public BpfArrayOfMaps arrayOfMaps(String name) {
        return new BpfArrayOfMaps(map(name));
    }

    /** Hash of maps {@code name}, its keys typed. */
    public <K> BpfHashOfMaps<K> hashOfMaps(String name, Codec<K> key) {
        return new BpfHashOfMaps<>(map(name), key);
    }

    /** Stack trace map {@code name}. */
    public BpfStackTraceMap stackTraceMap(String name) {
        return new BpfStackTraceMap(map(name));
    }

    /** Cgroup array {@code name}. */
    public BpfCgroupArray cgroupArray(String name) {
        return new BpfCgroupArray(map(name));
    }

    /** Perf event array {@code name} as its perf event slots (to read samples, see {@link #perfBuffer}). */
    public BpfPerfEventArray perfEventArray(String name) {
        return new BpfPerfEventArray(map(name));
    }

    /**
     * Ring buffer {@code name}, its records typed by {@code record} ({@link io.bpf4j.codec.Codecs#VOID}
     * to read them raw, through the reader's view path). Its readers close with this object.
     *
     * @throws IllegalArgumentException when the map is not a ring buffer
     */
    public <T> BpfRingBuffer<T> ringBuffer(String name, Codec<T> record) {
        requireType(name, MapType.RINGBUF, "ring buffer");
        Objects.requireNonNull(record, "record");
        return Bridge.get(RingBufferAccess.class, BpfRingBuffer.class).ringBuffer(object, name, record, this::own);
    }

    /**
     * Perf event array {@code name} read as a perf buffer, its samples typed by {@code record}
     * ({@link io.bpf4j.codec.Codecs#VOID} to read them raw). Its readers close with this object.
     *
     * @throws IllegalArgumentException when the map is not a perf event array
     */
    public <T> BpfPerfBuffer<T> perfBuffer(String name, Codec<T> record) {
        requireType(name, MapType.PERF_EVENT_ARRAY, "perf event array");
        Objects.requireNonNull(record, "record");
        return Bridge.get(PerfBufferAccess.class, BpfPerfBuffer.class).perfBuffer(object, name, record, this::own);
    }

    private void requireType(String name, MapType type, String what) {
        MapType actual = map(name).type();
        if (actual != type) {
            throw new IllegalArgumentException("map '" + Printable.escape(name) + "' of object '"
                    + Printable.escape(name()) + "' is a " + actual + " map, not a " + what);
        }
    }

    /**
     * Program {@code name}, loaded or not (one switched off before load says so, and refuses to
     * attach).
     *
     * @throws IllegalArgumentException naming it when the object has no such program
     */
    public BpfProgram program(String name) {
        Objects.requireNonNull(name, "name");
        BpfProgram program = programs.get(name);
        if (program == null) {
            throw new IllegalArgumentException("object '" + Printable.escape(name()) + "' has no program '"
                    + Printable.escape(name) + "'");
        }
        return program;
    }

    /** Every program, in object order. */
    public List<BpfProgram> programs() {
        return List.copyOf(programs.values());
    }

    /**
     * Attaches every loaded program whose section name says where (libbpf's auto-attach:
     * {@link ProgramSpec#autoAttaches()}). On failure, the links made by this call are detached and
     * the exception propagates.
     *
     * @return the links made, also owned by this object
     */
    public synchronized List<BpfLink> attachAll() {
        List<BpfLink> made = new ArrayList<>();
        try {
            for (BpfProgram program : programs.values()) {
                if (program.isLoaded() && program.spec().autoAttaches()) {
                    made.add(program.attach());
                }
            }
        } catch (RuntimeException e) {
            made.forEach(BpfLink::close);
            throw e;
        }
        attached.addAll(made);
        return List.copyOf(made);
    }

    /** Detaches every link made by {@link #attachAll()}; links made by {@code BpfProgram.attach} stay. */
    public synchronized void detachAll() {
        attached.forEach(BpfLink::close);
        attached.clear();
    }

    /**
     * The {@code .rodata} section as loaded: the constants the verifier saw, read-only.
     *
     * @throws IllegalArgumentException when the object has no {@code .rodata}
     */
    public DataSectionView rodata() {
        return section(RODATA);
    }

    /**
     * The {@code .bss} section: zero-initialised globals, read and written live.
     *
     * @throws IllegalArgumentException when the object has no {@code .bss}
     */
    public DataSection bss() {
        return data(BSS);
    }

    /**
     * Writable data section {@code name} ({@code .bss}, {@code .data}, their {@code .NAME}
     * variants), read and written live.
     *
     * @throws IllegalArgumentException naming it when the object has no such section, or it is
     *     read-only after load (use {@link #section} to read it)
     */
    public DataSection data(String name) {
        DataSectionView view = section(name);
        if (!(view instanceof DataSection writable)) {
            throw new IllegalArgumentException("data section '" + Printable.escape(name) + "' of object '"
                    + Printable.escape(name()) + "' is read-only after load; read it with section(name)");
        }
        return writable;
    }

    /**
     * Data section {@code name}, any of them ({@code .rodata} and {@code .kconfig} included), to read.
     *
     * @throws IllegalArgumentException naming it when the object has no such section
     */
    public DataSectionView section(String name) {
        Objects.requireNonNull(name, "name");
        DataSectionView view = sections.get(name);
        if (view == null) {
            throw new IllegalArgumentException("object '" + Printable.escape(name()) + "' has no data section '"
                    + Printable.escape(name) + "'; it has " + (sections.isEmpty() ? "none"
                    : Printable.escape(String.join(", ", sections.keySet()))));
        }
        return view;
    }

    /** Every data section, in object order. */
    public List<DataSectionView> sections() {
        return List.copyOf(sections.values());
    }

    /**
     * Makes the kernel count every program's runs and run time ({@code BPF_ENABLE_STATS}, read
     * through {@link BpfProgram#info()}) until the returned handle, or this object, is closed.
     * Counting costs a little on every program run.
     *
     * @throws io.bpf4j.UnsupportedFeatureException when the kernel cannot count
     */
    public RunStatistics enableRunStatistics() {
        RunStatistics statistics = object.enableRunStatistics();
        own(statistics);
        return statistics;
    }

    /** Takes {@code resource} (a reader, a link, statistics) to close with this object. */
    private synchronized void own(AutoCloseable resource) {
        if (closed) {
            closeAfterClose(resource);
            throw new IllegalStateException("object '" + Printable.escape(name()) + "' is closed");
        }
        resources.push(resource);
    }

    private static void closeAfterClose(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a resource opened after the object closed", e);
        }
    }

    /**
     * Closes readers, links and statistics (newest first), then the object; idempotent. Waits for
     * operations in flight on other threads (see the class notes).
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
                    failure = new IllegalStateException("closing object '" + Printable.escape(name()) + "'", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        attached.clear();
        object.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "BpfObject[" + Printable.escape(name()) + (closed ? ", closed" : "") + "]";
    }
}
