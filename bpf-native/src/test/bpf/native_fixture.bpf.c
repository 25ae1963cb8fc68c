// SPDX-License-Identifier: GPL-2.0
// Fixture for NativeKernel's real-kernel tests: every map kind the tests touch, data sections set
// before load and read after it, and one program that fires on getpid(2).
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* One record per getpid(2) of the target process. */
struct event {
	__u32 tgid;
	__u32 seq;
	__u64 marker;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} slots SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} events SEC(".maps");

/* Set before load. One struct, so that tests know the offsets: target_tgid at 0, marker at 8. */
const volatile struct {
	/* The process whose getpid(2) calls are recorded. */
	__u32 target_tgid;
	__u32 unused;
	/* Copied into every record and printed, so a test sees that .rodata reached the program. */
	__u64 marker;
} settings = {};

/* Incremented for every getpid(2) of the target process. */
__u64 hits = 0;
/* Initialised data, to give the object a .data section. */
__u64 seed = 42;

SEC("tp/syscalls/sys_enter_getpid")
int count_getpid(void *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	struct event *e;

	if (tgid != settings.target_tgid)
		return 0;
	__sync_fetch_and_add(&hits, 1);
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->tgid = tgid;
	e->seq = (__u32)hits;
	e->marker = settings.marker;
	bpf_ringbuf_submit(e, 0);
	bpf_printk("bpf4j-native-fixture %llu", settings.marker);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
