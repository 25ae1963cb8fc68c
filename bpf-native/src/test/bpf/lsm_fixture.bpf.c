// SPDX-License-Identifier: GPL-2.0
// An LSM program: needs BPF trampolines (and the bpf LSM), which some kernels (VMs) do not offer.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

__u64 opens = 0;

SEC("lsm/file_open")
int BPF_PROG(on_file_open, struct file *file)
{
	__sync_fetch_and_add(&opens, 1);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
