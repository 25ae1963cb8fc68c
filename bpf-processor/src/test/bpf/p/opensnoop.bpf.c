// SPDX-License-Identifier: GPL-2.0
// Golden fixture: an opensnoop-like object. A ring buffer whose record type is bound by the
// unused_event convention, a .rodata filter, and two tracepoint programs. Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define TASK_COMM_LEN 16
#define NAME_MAX 255

struct event {
	__u64 ts;
	__u32 pid;
	__u32 uid;
	int ret;
	int flags;
	char comm[TASK_COMM_LEN];
	char filename[NAME_MAX];
};

/* Set by user space before load: 0 traces every process. */
const volatile __u32 pid_target = 0;
const volatile bool targ_failed = false;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

/* Forces struct event into BTF and names the ring buffer's record type. */
const struct event *unused_event __attribute__((unused));

static __always_inline int emit(struct trace_event_raw_sys_enter *ctx, int flags)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct event *e;

	if (pid_target && pid_target != pid)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->ts = bpf_ktime_get_ns();
	e->pid = pid;
	e->uid = (__u32)bpf_get_current_uid_gid();
	e->ret = 0;
	e->flags = flags;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	bpf_probe_read_user_str(&e->filename, sizeof(e->filename), (const char *)ctx->args[1]);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_open")
int trace_open(struct trace_event_raw_sys_enter *ctx)
{
	return emit(ctx, (int)ctx->args[1]);
}

SEC("tracepoint/syscalls/sys_enter_openat")
int trace_openat(struct trace_event_raw_sys_enter *ctx)
{
	return emit(ctx, (int)ctx->args[2]);
}

char LICENSE[] SEC("license") = "GPL";
