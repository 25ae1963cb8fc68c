// SPDX-License-Identifier: GPL-2.0
// One program per attach kind for AttachKindsTest: each counts its runs in `counts`, so a test
// proves the program fired. Tracing programs count only the target process (set before load).
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

/* Offsets are 8 * position; the tests name them in AttachFixture. */
struct {
	__u64 tracepoint;
	__u64 raw_tracepoint;
	__u64 tp_btf;
	__u64 uprobe;
	__u64 uretprobe;
	__u64 perf_event;
	__u64 socket;
	__u64 cgroup_egress;
	__u64 sock_create;
	__u64 xdp;
	__u64 xdp_second;
	__u64 tc;
	__u64 tcx;
	__u64 uretprobe_value;
} counts = {};

/* The process whose events count. */
const volatile __u32 target_tgid = 0;

static __always_inline int is_target(void)
{
	return (bpf_get_current_pid_tgid() >> 32) == target_tgid;
}

SEC("tp/syscalls/sys_enter_getpid")
int on_getpid_tp(void *ctx)
{
	if (is_target())
		__sync_fetch_and_add(&counts.tracepoint, 1);
	return 0;
}

SEC("raw_tp/sys_enter")
int on_sys_enter_raw(void *ctx)
{
	if (is_target())
		__sync_fetch_and_add(&counts.raw_tracepoint, 1);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(on_sys_enter_btf, struct pt_regs *regs, long id)
{
	if (is_target())
		__sync_fetch_and_add(&counts.tp_btf, 1);
	return 0;
}

SEC("uprobe")
int on_uprobe(void *ctx)
{
	if (is_target())
		__sync_fetch_and_add(&counts.uprobe, 1);
	return 0;
}

SEC("uretprobe")
int BPF_KRETPROBE(on_uretprobe, long ret)
{
	if (is_target()) {
		__sync_fetch_and_add(&counts.uretprobe, 1);
		counts.uretprobe_value = ret;
	}
	return 0;
}

SEC("perf_event")
int on_perf_event(void *ctx)
{
	__sync_fetch_and_add(&counts.perf_event, 1);
	return 0;
}

SEC("socket")
int count_socket(struct __sk_buff *skb)
{
	__sync_fetch_and_add(&counts.socket, 1);
	return skb->len;
}

SEC("cgroup_skb/egress")
int count_egress(struct __sk_buff *skb)
{
	__sync_fetch_and_add(&counts.cgroup_egress, 1);
	return 1;
}

SEC("cgroup/sock_create")
int deny_sock_create(struct bpf_sock *sk)
{
	__sync_fetch_and_add(&counts.sock_create, 1);
	return 0;
}

SEC("xdp")
int count_xdp(struct xdp_md *ctx)
{
	__sync_fetch_and_add(&counts.xdp, 1);
	return XDP_PASS;
}

SEC("xdp")
int count_xdp_second(struct xdp_md *ctx)
{
	__sync_fetch_and_add(&counts.xdp_second, 1);
	return XDP_PASS;
}

/* For BPF_PROG_TEST_RUN: marks the frame's first byte and bounces it back. */
SEC("xdp")
int mark_and_bounce(struct xdp_md *ctx)
{
	unsigned char *data = (void *)(long)ctx->data;
	unsigned char *end = (void *)(long)ctx->data_end;

	if (data + 14 > end)
		return XDP_DROP;
	data[0] = 0xAA;
	return XDP_TX;
}

SEC("tc")
int count_tc(struct __sk_buff *skb)
{
	__sync_fetch_and_add(&counts.tc, 1);
	return 0; /* TC_ACT_OK */
}

SEC("tc")
int count_tcx(struct __sk_buff *skb)
{
	__sync_fetch_and_add(&counts.tcx, 1);
	return -1; /* TCX_NEXT */
}

SEC("iter/task")
int dump_task(struct bpf_iter__task *ctx)
{
	struct seq_file *seq = ctx->meta->seq;
	struct task_struct *task = ctx->task;

	if (!task)
		return 0;
	BPF_SEQ_PRINTF(seq, "%d %d\n", task->tgid, task->pid);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
