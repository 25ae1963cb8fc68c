/**
 * {@link io.bpf4j.test.fake.FakeKernel}: an in-memory {@link io.bpf4j.Kernel} with the kernel's
 * observable behaviour, for unit tests of applications built on generated skeletons or on objects
 * opened by name. A test reaches the kernel's side of a loaded object through
 * {@link io.bpf4j.test.fake.FakeLoadedObject} (maps, ring and perf buffers' producer side, data
 * sections) and makes operations fail through {@link io.bpf4j.test.fake.Faults}. The backend
 * underneath is this package's own. See docs/testing.md.
 */
package io.bpf4j.test.fake;
