// SPDX-License-Identifier: GPL-2.0
// Fixture for StackTracesTest: on every getpid(2) of the target process, stores the kernel stack
// and the user stack in a stack trace map and publishes their ids.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define MAX_DEPTH 127

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(max_entries, 256);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, MAX_DEPTH * sizeof(__u64));
} stacks SEC(".maps");

/* Set before load: the process whose getpid(2) calls are recorded. */
const volatile __u32 target_tgid = 0;

/* The last ids bpf_get_stackid returned (a negative errno on failure); -1 until the first call. */
__s64 kernel_stack_id = -1;
__s64 user_stack_id = -1;

SEC("tp/syscalls/sys_enter_getpid")
int record_stacks(void *ctx)
{
	if ((bpf_get_current_pid_tgid() >> 32) != target_tgid)
		return 0;
	kernel_stack_id = bpf_get_stackid(ctx, &stacks, 0);
	user_stack_id = bpf_get_stackid(ctx, &stacks, BPF_F_USER_STACK);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
