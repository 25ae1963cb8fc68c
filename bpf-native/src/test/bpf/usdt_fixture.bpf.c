// SPDX-License-Identifier: GPL-2.0
// A USDT program for the probe bpf4j:tick(i) of the small C program AttachKindsTest builds.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/usdt.bpf.h>

__u64 ticks = 0;
__u64 sum = 0;

SEC("usdt")
int BPF_USDT(on_tick, int i)
{
	__sync_fetch_and_add(&ticks, 1);
	__sync_fetch_and_add(&sum, i);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
