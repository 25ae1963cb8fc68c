// SPDX-License-Identifier: GPL-2.0
// An fentry program: needs BPF trampolines, which some kernels (VMs) do not offer.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 unlinks = 0;

SEC("fentry/do_unlinkat")
int BPF_PROG(enter_unlinkat, int dfd, struct filename *name)
{
	__sync_fetch_and_add(&unlinks, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
