// SPDX-License-Identifier: GPL-2.0
// Fixture for the map tests: one map of every type user space operates on, and a program on
// getpid(2) that uses the ones only a program can exercise (tail calls, stack traces, cgroup
// arrays, maps of maps, per-CPU counters) and reports what it saw in `state`.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define MAX_STACK_DEPTH 127

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} hash SEC(".maps");

/* Large enough for the 100k-entry batch dump. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 100000);
	__type(key, __u32);
	__type(value, __u64);
} big SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} array SEC(".maps");

/* A 4-byte value: every CPU's slot is rounded up to 8 bytes. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
} pcpu_hash SEC(".maps");

/* Slot 0 counts getpid(2) calls of the target, per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} pcpu_array SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} lru SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_QUEUE);
	__uint(max_entries, 4);
	__type(value, __u32);
} queue SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_STACK);
	__uint(max_entries, 4);
	__type(value, __u32);
} stack SEC(".maps");

/* The LPM key convention: the prefix length in bits, then the data it applies to. */
struct lpm_key {
	__u32 prefixlen;
	__u8 addr[4];
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 16);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct lpm_key);
	__type(value, __u32);
} lpm SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_BLOOM_FILTER);
	__uint(max_entries, 64);
	__type(value, __u32);
} bloom SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} jump SEC(".maps");

/* The shape of every inner map; inner_a and inner_b are stored into the outer maps by the tests. */
struct inner_map {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
};

struct inner_map inner_a SEC(".maps");
struct inner_map inner_b SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, struct inner_map);
} outer_array SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH_OF_MAPS);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, struct inner_map);
} outer_hash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 64);
	__type(key, __u32);
	__uint(value_size, MAX_STACK_DEPTH * sizeof(__u64));
} stacks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} cgroups SEC(".maps");

/* One struct, so that the tests know the offsets (written in the comments). */
struct {
	__u32 target_tgid;      /* 0: set by the test after load */
	__u32 tail_calls;       /* 4: runs of tail_target */
	__s64 kernel_stack_id;  /* 8 */
	__s64 user_stack_id;    /* 16 */
	__s64 under_cgroup_0;   /* 24: bpf_current_task_under_cgroup(&cgroups, 0) */
	__s64 under_cgroup_1;   /* 32: bpf_current_task_under_cgroup(&cgroups, 1) */
	__u64 inner_via_array;  /* 40: inner map value 0 of outer_array[0] */
	__u64 inner_via_hash;   /* 48: inner map value 0 of outer_hash[7] */
} state = {};

SEC("tp/syscalls/sys_enter_getpid")
int tail_target(void *ctx)
{
	__sync_fetch_and_add(&state.tail_calls, 1);
	return 0;
}

static __u64 inner_value(void *outer, __u32 slot)
{
	__u32 zero = 0;
	void *inner = bpf_map_lookup_elem(outer, &slot);
	__u64 *value;

	if (!inner)
		return 0;
	value = bpf_map_lookup_elem(inner, &zero);
	return value ? *value : 0;
}

SEC("tp/syscalls/sys_enter_getpid")
int on_getpid(void *ctx)
{
	__u32 zero = 0;
	__u64 *count;

	if ((bpf_get_current_pid_tgid() >> 32) != state.target_tgid)
		return 0;
	count = bpf_map_lookup_elem(&pcpu_array, &zero);
	if (count)
		*count += 1;
	state.kernel_stack_id = bpf_get_stackid(ctx, &stacks, 0);
	state.user_stack_id = bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);
	state.under_cgroup_0 = bpf_current_task_under_cgroup(&cgroups, 0);
	state.under_cgroup_1 = bpf_current_task_under_cgroup(&cgroups, 1);
	state.inner_via_array = inner_value(&outer_array, 0);
	state.inner_via_hash = inner_value(&outer_hash, 7);
	/* Does not return when jump[0] holds a program. */
	bpf_tail_call(ctx, &jump, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
