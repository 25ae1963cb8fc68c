// SPDX-License-Identifier: GPL-2.0
// One program per cgroup hook beyond cgroup_skb and sock_create, for CgroupKindsTest: each records
// in `seen` what it observed, so a test proves the program ran for the process it moved into the
// test cgroup.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

/* The device the device program denies: /dev/null, char 1:3. */
#define NULL_MAJOR 1
#define NULL_MINOR 3
/* BPF_DEVCG_DEV_CHAR: a #define in uapi, so not in vmlinux.h. */
#define DEV_CHAR 2

/* Offsets are fixed; CgroupKindsTest names them. */
struct {
	__u64 connect4;          /* 0: IPv4 connects to 127.0.0.1 */
	__u64 connect4_port;     /* 8: the last such connect's port (host order) */
	__u64 sockops_ops;       /* 16: bit N set when sock_ops callback N ran */
	__u64 device_denied;     /* 24: accesses to /dev/null denied */
	__u64 sysctl_reads;      /* 32: sysctl reads */
	char sysctl_name[64];    /* 40: the last sysctl read, e.g. "kernel/ostype" */
} seen = {};

SEC("cgroup/connect4")
int count_connect4(struct bpf_sock_addr *ctx)
{
	if (ctx->user_ip4 == bpf_htonl(0x7f000001)) {
		__sync_fetch_and_add(&seen.connect4, 1);
		seen.connect4_port = bpf_ntohs(ctx->user_port);
	}
	return 1; /* allow */
}

SEC("sockops")
int record_sockops(struct bpf_sock_ops *ctx)
{
	__u32 op = ctx->op;

	if (op < 64)
		__sync_fetch_and_or(&seen.sockops_ops, 1ULL << op);
	return 1;
}

SEC("cgroup/dev")
int deny_dev_null(struct bpf_cgroup_dev_ctx *ctx)
{
	__u32 type = ctx->access_type & 0xFFFF;

	if (type == DEV_CHAR && ctx->major == NULL_MAJOR && ctx->minor == NULL_MINOR) {
		__sync_fetch_and_add(&seen.device_denied, 1);
		return 0; /* deny */
	}
	return 1;
}

SEC("cgroup/sysctl")
int record_sysctl_read(struct bpf_sysctl *ctx)
{
	if (!ctx->write) {
		__sync_fetch_and_add(&seen.sysctl_reads, 1);
		bpf_sysctl_get_name(ctx, seen.sysctl_name, sizeof(seen.sysctl_name), 0);
	}
	return 1; /* allow */
}

char LICENSE[] SEC("license") = "GPL";
