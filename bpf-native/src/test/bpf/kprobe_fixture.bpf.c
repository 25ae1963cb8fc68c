// SPDX-License-Identifier: GPL-2.0
// A kprobe: loads on this kernel, but attaching needs CONFIG_KPROBES.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

__u64 unlinks = 0;

SEC("kprobe/do_unlinkat")
int count_unlinkat(void *ctx)
{
	__sync_fetch_and_add(&unlinks, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
