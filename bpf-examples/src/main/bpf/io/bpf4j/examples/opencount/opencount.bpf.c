// SPDX-License-Identifier: GPL-2.0
// opencount: counts openat(2) calls per process in a hash map, optionally for one process only.
// The Java side uses no generated code: it opens this object by name, sets target_pid by name and
// reads the map "counts" by name.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* Set before load: only this process (tgid) is counted when non-zero. */
const volatile __u32 target_pid = 0;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);	/* tgid */
	__type(value, __u64);	/* openat(2) calls */
} counts SEC(".maps");

SEC("tp/syscalls/sys_enter_openat")
int count_openat(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *count;

	if (target_pid && pid != target_pid)
		return 0;
	count = bpf_map_lookup_elem(&counts, &pid);
	if (count) {
		__sync_fetch_and_add(count, 1);
		return 0;
	}
	/* Another CPU may have inserted it meanwhile: then add to that one. */
	if (bpf_map_update_elem(&counts, &pid, &one, BPF_NOEXIST) != 0) {
		count = bpf_map_lookup_elem(&counts, &pid);
		if (count)
			__sync_fetch_and_add(count, 1);
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
