// SPDX-License-Identifier: GPL-2.0
// opensnoop: reports every openat(2) with the caller's pid, command name and path.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16
#define NAME_MAX 255

/* One open, as the tool prints it. */
struct event {
	__u32 pid;                 /* thread group id: the process id user space knows */
	char comm[TASK_COMM_LEN];
	char filename[NAME_MAX + 1];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

/* Set before load: only this process (tgid) is reported when non-zero. */
const volatile __u32 pid_target = 0;

/* Names the ring buffer's record type in BTF (ring buffers carry none of their own). */
const struct event *unused_event __attribute__((unused));

SEC("tracepoint/syscalls/sys_enter_openat")
int trace_openat(struct trace_event_raw_sys_enter *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct event *e;

	if (pid_target && tgid != pid_target)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = tgid;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_probe_read_user_str(e->filename, sizeof(e->filename), (const char *)ctx->args[1]);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
