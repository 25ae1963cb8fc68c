// SPDX-License-Identifier: GPL-2.0
// minimal: prints a line to trace_pipe for every write(2), optionally for one process only.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* Set before load: only this process (tgid) is traced when non-zero. */
const volatile __u32 pid_filter = 0;
/* Set before load: this process (the tool itself) is never traced, so its output does not feed back. */
const volatile __u32 pid_ignore = 0;

/* Counts the writes that passed the filter. */
__u64 hits = 0;

SEC("tp/syscalls/sys_enter_write")
int handle_write(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;

	if (pid_filter && pid != pid_filter)
		return 0;
	if (pid_ignore && pid == pid_ignore)
		return 0;
	__sync_fetch_and_add(&hits, 1);
	bpf_printk("BPF triggered from PID %d.", pid);
	return 0;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
