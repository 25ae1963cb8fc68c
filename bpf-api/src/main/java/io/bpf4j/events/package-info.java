/**
 * One poller for every event channel: {@link io.bpf4j.events.EventPoller} serves ring buffers and
 * perf buffers together from one thread with one wait, drains on a timer for producers that never
 * signal, and reports handler exceptions after delivering every record. (For ring buffers alone,
 * {@link io.bpf4j.ringbuf.RingBufferPoller} does the same.)
 */
package io.bpf4j.events;
