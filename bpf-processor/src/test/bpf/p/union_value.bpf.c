// SPDX-License-Identifier: GPL-2.0
// Diagnostics fixture: a hash map whose value is a union, which the generator cannot map yet.
// Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

union reading {
	__u64 as_u64;
	__u32 as_u32[2];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, union reading);
} readings SEC(".maps");

SEC("tp/sched/sched_switch")
int on_switch(void *ctx)
{
	__u32 key = 0;
	union reading *r = bpf_map_lookup_elem(&readings, &key);

	if (r)
		r->as_u64++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
