// SPDX-License-Identifier: GPL-2.0
// Fixture: a stack trace map whose value size user space sets before load (as libbpf-tools'
// offcputime does), so the object says 0. Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(key_size, sizeof(__u32));
} stacks SEC(".maps");

SEC("tp/sched/sched_switch")
int on_switch(void *ctx)
{
	bpf_get_stackid(ctx, &stacks, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
