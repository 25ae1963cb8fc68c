package io.bpf4j.map;


/**
 * A perf event array ({@code BPF_MAP_TYPE_PERF_EVENT_ARRAY}): one perf event per CPU, where
 * {@code bpf_perf_event_output} writes. Reading the events is the perf buffer reader's job; this
 * class only fills and empties the slots.
 */
public final class BpfPerfEventArray extends BpfFdArray {
    /** Types a raw perf event array. */
    public BpfPerfEventArray(RawMap map) {
        super(map);
    }

    /** Stores the perf event {@code perfEventFd} (from {@code perf_event_open}) for {@code cpu}. */
    public void set(int cpu, int perfEventFd) {
        setFd(cpu, perfEventFd);
    }
}
