// SPDX-License-Identifier: GPL-2.0
// The object layer's fixture: globals of each kind the by-name accessors type (integers of every
// width and signedness, an enum, a bool, text, a struct), in .rodata, .data and .bss, a ring
// buffer, a hash map and programs that attach by section name or not. Only the fake loads it.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct point {
	__s32 x;
	__s32 y;
};

enum mode { MODE_OFF, MODE_ON };

const volatile __u8 small = 1;
const volatile __s16 delta = -2;
const volatile __u32 target_pid = 0;
const volatile __s64 offset = -5;
const volatile __u64 mask = 0;
const volatile bool verbose = false;
const volatile char label[8] = "none";
const volatile struct point origin = {};
const volatile enum mode mode = MODE_OFF;

__u64 hits = 0;
__u32 seed = 9;
static __u32 hidden = 3;

struct { __uint(type, BPF_MAP_TYPE_RINGBUF); __uint(max_entries, 4096); } events SEC(".maps");
struct { __uint(type, BPF_MAP_TYPE_HASH); __uint(max_entries, 8); __type(key, __u32); __type(value, __u64); } counts SEC(".maps");

SEC("tp/syscalls/sys_enter_getpid")
int count(void *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 one = 1, *seen;

	if (target_pid && pid != target_pid)
		return 0;
	if (verbose && mode == MODE_ON && label[0] && small && delta && offset && mask && origin.x)
		hits += hidden;
	seen = bpf_map_lookup_elem(&counts, &pid);
	if (seen)
		__sync_fetch_and_add(seen, seed);
	else
		bpf_map_update_elem(&counts, &pid, &one, BPF_ANY);
	bpf_ringbuf_output(&events, &one, sizeof(one), 0);
	return 0;
}

SEC("xdp")
int pass(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
