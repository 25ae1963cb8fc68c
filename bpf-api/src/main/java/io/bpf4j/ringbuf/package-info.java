/**
 * BPF ring buffers read in Java from the ring's shared memory: no native call per record, and a
 * zero-allocation view path beside the typed record path.
 */
package io.bpf4j.ringbuf;
