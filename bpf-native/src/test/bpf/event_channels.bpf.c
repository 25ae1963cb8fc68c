// SPDX-License-Identifier: GPL-2.0
// Fixture for the event-channel tests: every getpid(2) of the target process emits one record to a
// perf event array, one to a ring buffer that wakes its reader, and one to a ring buffer that
// never does (BPF_RB_NO_WAKEUP), so the tests can compare the three paths record by record.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* channel: 1 = perf buffer, 2 = signalled ring, 3 = quiet ring. */
struct event {
	__u64 seq;
	__u32 tgid;
	__u32 channel;
};

/* No max_entries: libbpf sizes it to the possible CPUs. */
struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} samples SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} signalled SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} quiet SEC(".maps");

/* Set before load: the process whose getpid(2) calls are recorded. At offset 0 of .rodata. */
const volatile __u32 target_tgid = 0;

/* getpid(2) calls of the target so far: the records' sequence number. */
__u64 calls = 0;

static void submit(void *ring, __u64 seq, __u32 tgid, __u32 channel, __u64 flags)
{
	struct event *e = bpf_ringbuf_reserve(ring, sizeof(*e), 0);

	if (!e)
		return; /* full: the tests that flood only look at the perf buffer */
	e->seq = seq;
	e->tgid = tgid;
	e->channel = channel;
	bpf_ringbuf_submit(e, flags);
}

SEC("tp/syscalls/sys_enter_getpid")
int emit(void *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct event e = {};

	if (tgid != target_tgid)
		return 0;
	__sync_fetch_and_add(&calls, 1);
	e.seq = calls;
	e.tgid = tgid;
	e.channel = 1;
	bpf_perf_event_output(ctx, &samples, BPF_F_CURRENT_CPU, &e, sizeof(e));
	submit(&signalled, e.seq, tgid, 2, 0);
	submit(&quiet, e.seq, tgid, 3, BPF_RB_NO_WAKEUP);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
