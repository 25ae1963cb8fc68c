/**
 * The one choke point between bpf4j and a kernel: everything that touches the kernel goes through
 * {@link io.bpf4j.spi.KernelBackend}. bpf-native implements it for the real kernel, bpf-test's
 * FakeKernel in memory. This package is for backends only: applications and generated code use the
 * {@link io.bpf4j.Kernel} and the object layer ({@code io.bpf4j.object}) over it, and no
 * user-facing signature mentions a type of this package (an architecture test checks it).
 * {@link io.bpf4j.spi.Backends} is where a backend meets that API. Value types both sides use
 * (attach targets, test runs, program info, the trace pipe, kernel features) live in the API
 * packages, and the SPI refers to them.
 *
 * <h2>Lifetime and threads</h2>
 * Handles (maps, programs, links, buffers) may be used from any number of threads while another
 * thread closes their owner. A backend guarantees three things:
 * <ul>
 *   <li>An operation that loses the race to {@code close()} throws {@link IllegalStateException}
 *       naming the object and the operation; it never reaches another kernel object (a file
 *       descriptor is released only after its last use, so its number cannot meanwhile go to a
 *       newly loaded object).</li>
 *   <li>{@code close()} waits for the system calls in flight on other threads, so when it returns
 *       every fd and link of the object is released — except when the closing thread is itself
 *       inside such a call (a log callback during attach): then the call's end releases. It never
 *       waits for a record handler (which may be the one closing, or wait for the closer): ring
 *       and perf buffer memory that a drain is reading stops being shared when the drain ends.</li>
 *   <li>Memory handed out as a {@link java.nio.ByteBuffer} ({@link LoadedObject#data},
 *       {@link OpenObject#initialData}, ring and perf buffers) is never freed while that buffer can
 *       still be used: after close it stops being shared with the kernel and reads either the last
 *       contents or zeros (as each method says), and writes to it go nowhere. Touching it never
 *       crashes the JVM.</li>
 * </ul>
 */
package io.bpf4j.spi;
