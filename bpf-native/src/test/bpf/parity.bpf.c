// SPDX-License-Identifier: GPL-2.0
// The parity suite's fixture: one map of every type FakeKernel models, a ring buffer and a perf
// event array fed by tracepoints on getpid/getppid of one thread, so the same test runs on the
// real kernel and on the fake (where the test plays these programs) and both must agree.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct lpm_key {
	__u32 prefixlen;
	__u8 addr[4];
};

/* A ring record: 56 bytes, 64 with the ring's header. */
struct record {
	__u64 seq;
	__u8 pad[48];
};

struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 3); __type(key, __u32); __type(value, __u64); } hash SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 4); __type(key, __u32); __type(value, __u64); } array SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_LRU_HASH); __uint(max_entries, 8); __type(key, __u32); __type(value, __u64); } lru SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } percpu_array SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERCPU_HASH); __uint(max_entries, 2); __type(key, __u32); __type(value, __u64); } percpu_hash SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_QUEUE); __uint(max_entries, 3); __type(value, __u32); } queue SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_STACK); __uint(max_entries, 3); __type(value, __u32); } stack SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_LPM_TRIE); __uint(max_entries, 3); __uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_key); __type(value, __u32); } lpm SEC(".maps");
/* BPF_F_ZERO_SEED: the same hashes every run, so a false positive could not come and go. */
struct { __uint(type, BPF_MAP_TYPE_BLOOM_FILTER); __uint(max_entries, 64); __uint(map_flags, BPF_F_ZERO_SEED);
	__type(value, __u32); } bloom SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PROG_ARRAY); __uint(max_entries, 2); __type(key, __u32); __type(value, __u32); } progs SEC(".maps");
struct inner { __uint(type, BPF_MAP_TYPE_ARRAY); __uint(max_entries, 1); __type(key, __u32); __type(value, __u32); } inner SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS); __uint(max_entries, 2); __type(key, __u32); __array(values, struct inner); } outer SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH); __uint(max_entries, 4); __type(key, __u32); __type(value, __u32); } lru_percpu SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH_OF_MAPS); __uint(max_entries, 2); __type(key, __u32); __array(values, struct inner); } hash_of_maps SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } events SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY); __uint(key_size, sizeof(__u32)); __uint(value_size, sizeof(__u32)); } samples SEC(".maps");

/* Set before load: the thread whose getpid/getppid calls the programs report. */
const volatile __u32 tid_target = 0;
__u64 seq = 0;
__u64 drops = 0;

static bool is_target(void)
{
	return tid_target && (__u32)bpf_get_current_pid_tgid() == tid_target;
}

SEC("tp/syscalls/sys_enter_getpid")
int ring_record(void *ctx)
{
	struct record *r;

	if (!is_target())
		return 0;
	r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	if (!r) {
		__sync_fetch_and_add(&drops, 1);
		return 0;
	}
	__builtin_memset(r, 0, sizeof(*r));
	r->seq = seq++;
	bpf_ringbuf_submit(r, 0);
	return 0;
}

SEC("tp/syscalls/sys_enter_getppid")
int perf_sample(void *ctx)
{
	__u64 value;

	if (!is_target())
		return 0;
	value = seq++;
	bpf_perf_event_output(ctx, &samples, BPF_F_CURRENT_CPU, &value, sizeof(value));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
