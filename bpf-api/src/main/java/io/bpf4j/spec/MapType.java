package io.bpf4j.spec;

/** The kernel's BPF map types ({@code enum bpf_map_type}), by number. */
public enum MapType {
    /** Type 0: not a valid map type. */
    UNSPEC(0),
    /** Hash table. */
    HASH(1),
    /** Array indexed by a 32-bit key. */
    ARRAY(2),
    /** Array of program file descriptors, for tail calls. */
    PROG_ARRAY(3),
    /** Per-CPU perf event buffers. */
    PERF_EVENT_ARRAY(4),
    /** Hash table with one value per CPU. */
    PERCPU_HASH(5),
    /** Array with one value per CPU. */
    PERCPU_ARRAY(6),
    /** Stack traces by id. */
    STACK_TRACE(7),
    /** Array of cgroup file descriptors. */
    CGROUP_ARRAY(8),
    /** Hash table evicting the least recently used entries. */
    LRU_HASH(9),
    /** Per-CPU LRU hash table. */
    LRU_PERCPU_HASH(10),
    /** Longest-prefix-match trie. */
    LPM_TRIE(11),
    /** Array of maps. */
    ARRAY_OF_MAPS(12),
    /** Hash table of maps. */
    HASH_OF_MAPS(13),
    /** Network devices for XDP redirects. */
    DEVMAP(14),
    /** Sockets for redirects. */
    SOCKMAP(15),
    /** CPUs for XDP redirects. */
    CPUMAP(16),
    /** AF_XDP sockets. */
    XSKMAP(17),
    /** Sockets by hash key. */
    SOCKHASH(18),
    /** Per-cgroup storage (legacy). */
    CGROUP_STORAGE(19),
    /** Sockets for SO_REUSEPORT selection. */
    REUSEPORT_SOCKARRAY(20),
    /** Per-CPU per-cgroup storage (legacy). */
    PERCPU_CGROUP_STORAGE(21),
    /** FIFO queue. */
    QUEUE(22),
    /** LIFO stack. */
    STACK(23),
    /** Per-socket storage. */
    SK_STORAGE(24),
    /** Network devices by hash key. */
    DEVMAP_HASH(25),
    /** Kernel struct_ops implemented in BPF. */
    STRUCT_OPS(26),
    /** Ring buffer shared with user space. */
    RINGBUF(27),
    /** Per-inode storage. */
    INODE_STORAGE(28),
    /** Per-task storage. */
    TASK_STORAGE(29),
    /** Bloom filter. */
    BLOOM_FILTER(30),
    /** Ring buffer written by user space. */
    USER_RINGBUF(31),
    /** Per-cgroup storage. */
    CGRP_STORAGE(32),
    /** Memory arena shared with user space. */
    ARENA(33);

    private static final MapType[] BY_ID = values();

    private final int id;

    MapType(int id) {
        this.id = id;
    }

    /** The kernel's number for this map type. */
    public int id() {
        return id;
    }

    /**
     * The map type numbered {@code id}.
     *
     * @throws IllegalArgumentException naming the number when it is not a known map type
     */
    public static MapType of(int id) {
        if (id < 0 || id >= BY_ID.length) {
            throw new IllegalArgumentException("unknown map type " + Integer.toUnsignedString(id)
                    + " (known types are 0 to " + (BY_ID.length - 1) + ")");
        }
        return BY_ID[id];
    }
}
