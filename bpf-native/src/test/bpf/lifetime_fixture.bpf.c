// SPDX-License-Identifier: GPL-2.0
// Fixture for the close-race stress tests: two maps of one shape (so that an operation meant for
// one object's map would succeed on another's), a ring buffer and a perf event array fed by every
// getpid(2) of the target process, and one variable in each data section.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct record {
	__u64 seq;
	__u64 marker;
};

/* Names the records' type for the skeleton (the unused_X convention). */
const struct record *unused_record __attribute__((unused));

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} records SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} samples SEC(".maps");

/* Set before load: the process whose getpid(2) calls are recorded. */
const volatile __u32 target_tgid = 0;
/* Set before load: copied into every record. */
const volatile __u64 marker = 0;

/* getpid(2) calls of the target so far. */
__u64 calls = 0;
/* Written by user space; the programs never touch it. */
__u64 scratch = 1;

SEC("tp/syscalls/sys_enter_getpid")
int emit(void *ctx)
{
	struct record r = {};

	if ((__u32)(bpf_get_current_pid_tgid() >> 32) != target_tgid)
		return 0;
	r.seq = __sync_fetch_and_add(&calls, 1) + 1;
	r.marker = marker;
	bpf_ringbuf_output(&records, &r, sizeof(r), 0);
	bpf_perf_event_output(ctx, &samples, BPF_F_CURRENT_CPU, &r, sizeof(r));
	return 0;
}

/* A second program of the same kind, for link updates. */
SEC("tp/syscalls/sys_enter_getpid")
int emit_nothing(void *ctx)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
