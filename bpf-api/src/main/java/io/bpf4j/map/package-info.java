/**
 * Typed access to kernel maps, one class per kind: hash and LRU hash ({@link io.bpf4j.map.BpfHashMap}),
 * arrays, per-CPU hash and array maps (values as one list entry per CPU, with sums; per-CPU
 * {@code __u64} counters as plain numbers through {@link io.bpf4j.map.BpfPerCpuCounters}), queues
 * and stacks, LPM tries, bloom filters, program arrays, maps of maps, stack trace maps, cgroup and
 * perf event arrays. Every class types a {@link io.bpf4j.map.RawMap}, the map as bytes, which an object
 * hands out by name ({@link io.bpf4j.object.BpfObject#map}); buffers are in native byte order.
 */
package io.bpf4j.map;
