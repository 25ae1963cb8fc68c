/**
 * BPF ring buffers read in Java from the ring's shared memory: no native call per record, and a
 * zero-allocation view path beside the typed record path. {@link io.bpf4j.ringbuf.RingBufferReader}
 * serves one ring; {@link io.bpf4j.ringbuf.RingBufferPoller} serves several from one thread with
 * one wait, drains on a timer for producers that never signal ({@code BPF_RB_NO_WAKEUP}), and
 * reports handler exceptions as one {@link io.bpf4j.ringbuf.HandlerException} after delivering
 * every record.
 */
package io.bpf4j.ringbuf;
