// SPDX-License-Identifier: GPL-2.0
// Fixture for the pin-root tests: one map pinned by name (libbpf pins it at load, or takes the map
// already pinned there), one map that is not pinned, and a program using both.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} shared_counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} private_slot SEC(".maps");

SEC("tp/syscalls/sys_enter_getpid")
int count(void *ctx)
{
	__u32 key = 0;
	__u64 *slot = bpf_map_lookup_elem(&private_slot, &key);
	__u64 one = 1;

	if (slot)
		__sync_fetch_and_add(slot, 1);
	bpf_map_update_elem(&shared_counts, &key, &one, BPF_NOEXIST);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
