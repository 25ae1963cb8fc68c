// SPDX-License-Identifier: GPL-2.0
// Test fixture for the ELF/BTF/spec readers: one of each map kind, data section and type shape
// that the readers must understand. Never loaded; tests assert the layout clang gives it.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

enum fixture_color { COLOR_RED = 1, COLOR_GREEN = 2, COLOR_BLUE = 40 };

struct fixture_inner {
	__u16 port;
	__u8 proto;
};

/* Key of the hash map: a nested struct forces alignment padding. */
struct fixture_key {
	__u32 pid;
	struct fixture_inner inner;
	__u64 cookie;
};

/* Value of the hash map: a union, a bitfield and an enum. */
struct fixture_value {
	union {
		__u64 as_u64;
		__u32 as_u32[2];
	} u;
	unsigned int low : 3;
	unsigned int high : 5;
	enum fixture_color color;
	char name[12];
};

struct fixture_config {
	__u32 threshold;
	__u8 verbose;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct fixture_key);
	__type(value, struct fixture_value);
} table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} counters SEC(".maps");

/* Read-only configuration, set by user space before load. */
const volatile int min_duration = 7;
const volatile bool enabled = true;
const volatile char prefix[5] = "abc";
const volatile struct fixture_config settings = { .threshold = 3, .verbose = 1 };

/* Zero-initialised globals land in .bss, initialised ones in .data. */
__u64 hit_count;
__u32 last_pid;
__u64 total_bytes = 100;
__u16 data_tag = 9;

static __noinline int account(__u32 pid, __u64 bytes)
{
	last_pid = pid;
	total_bytes += bytes;
	return pid == 0;
}

SEC("tp/syscalls/sys_enter_write")
int handle_write(struct trace_event_raw_sys_enter *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct fixture_key key = { .pid = pid, .inner = { .port = 1, .proto = 6 }, .cookie = ctx->id };
	struct fixture_value value = { .color = COLOR_GREEN, .low = 1, .high = 2 };
	__u32 index = 0;
	__u64 *counter;
	__u32 *slot;

	if (!enabled || prefix[0] == 'z' || settings.verbose > 3)
		return 0;
	__sync_fetch_and_add(&hit_count, 1);
	data_tag++;
	bpf_map_update_elem(&table, &key, &value, BPF_ANY);
	counter = bpf_map_lookup_elem(&counters, &index);
	if (counter)
		__sync_fetch_and_add(counter, min_duration + settings.threshold);
	slot = bpf_ringbuf_reserve(&events, sizeof(*slot), 0);
	if (slot) {
		*slot = pid;
		bpf_ringbuf_submit(slot, 0);
	}
	return account(pid, ctx->args[2]);
}

SEC("raw_tp/sched_switch")
int on_switch(void *ctx)
{
	__sync_fetch_and_add(&hit_count, 2);
	return account(0, 0);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
