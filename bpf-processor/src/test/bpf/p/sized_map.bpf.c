// SPDX-License-Identifier: GPL-2.0
// Diagnostics fixture: a hash map declared with sizes only, so BTF has no key or value type.
// Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u64));
} sizes SEC(".maps");

SEC("tp/sched/sched_switch")
int on_switch(void *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&sizes, &key);

	if (v)
		(*v)++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
