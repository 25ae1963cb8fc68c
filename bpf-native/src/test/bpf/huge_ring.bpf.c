// SPDX-License-Identifier: GPL-2.0
// Fixture for the ring buffer size tests: a 2 GiB ring, the largest the kernel creates (the largest
// power of two a u32 max_entries holds) and larger than bpf4j reads. Loading it costs 2 GiB of
// kernel memory while it is loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1U << 31);
} huge SEC(".maps");

char LICENSE[] SEC("license") = "GPL";
