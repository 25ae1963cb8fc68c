package io.bpf4j.test.fake;

/** The operations of the fake kernel that a test can make fail with an errno (see {@link Faults}). */
public enum FaultPoint {
    /** Opening an object ({@code KernelBackend.openObject}); the target is the object's name. */
    OPEN_OBJECT,
    /** Loading an object ({@code OpenObject.load}); the target is the object's name. */
    LOAD_OBJECT,
    /** {@code BPF_MAP_LOOKUP_ELEM}; the target is the map's name. */
    MAP_LOOKUP,
    /** {@code BPF_MAP_UPDATE_ELEM}; the target is the map's name. */
    MAP_UPDATE,
    /** {@code BPF_MAP_DELETE_ELEM}; the target is the map's name. */
    MAP_DELETE,
    /** {@code BPF_MAP_GET_NEXT_KEY}; the target is the map's name. */
    MAP_NEXT_KEY,
    /** {@code BPF_MAP_LOOKUP_AND_DELETE_ELEM}; the target is the map's name. */
    MAP_LOOKUP_AND_DELETE,
    /** Attaching a program; the target is the program's name. */
    ATTACH,
    /** Mapping a ring buffer for reading; the target is the map's name. */
    RING_BUFFER_MAP,
    /** Opening a perf buffer; the target is the map's name. */
    PERF_BUFFER_OPEN,
    /** Opening the trace pipe; the target is {@code "trace_pipe"}. */
    TRACE_PIPE_OPEN
}
