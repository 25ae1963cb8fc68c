// SPDX-License-Identifier: GPL-2.0
// Map-operation benchmarks: a hash map of u32 keys to 64-byte values that user space prefills,
// looks up, updates and dumps in batches, from Java and from C. The program only gives the
// object a user of the map; the benchmarks never attach it.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* One value: 64 bytes, as the ring-buffer benchmarks' records. */
struct bench_value {
	__u64 words[8];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 100000);
	__type(key, __u32);
	__type(value, struct bench_value);
} values SEC(".maps");

SEC("tp/syscalls/sys_enter_getppid")
int touch(void *ctx)
{
	__u32 key = 0;
	struct bench_value *value = bpf_map_lookup_elem(&values, &key);

	if (value)
		value->words[0]++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
