// SPDX-License-Identifier: GPL-2.0
// Fixture of HostileObjectsTest: an object with one of every kind of name the generator writes
// into source, each spelled victim_* (or VICTIM_*), so that tests can rename it in the compiled
// bytes (BtfRewriter) to whatever an attacker would choose, and patch counts and nesting.
// Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

enum victim_enum {
	VICTIM_VALUE = 1,
	VICTIM_OTHER = 2,
};

typedef __u32 victim_typedef;

struct victim_struct {
	__u32 victim_member;
	__u8 victim_small;
	__u16 victim_medium;
	__u32 victim_bits : 3;
	__s32 victim_signed_bits : 5;
	char victim_text[8];
	enum victim_enum victim_kind;
	victim_typedef victim_alias;
	__u32 victim_array[2];
};

struct victim_event {
	__u32 victim_pid;
	__u64 victim_ts;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, struct victim_struct);
} victim_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} victim_ring SEC(".maps");

/* Names the ring buffer's record type; renaming victim_pointer to unused_* makes two. */
const struct victim_event *unused_victim __attribute__((unused));
struct victim_struct *victim_pointer;

const volatile __u32 victim_rodata = 0;
struct victim_struct victim_global;
__u64 victim_counter;

SEC("tp/sched/sched_switch")
int victim_prog(void *ctx)
{
	__u32 key = 0;
	struct victim_struct *value = bpf_map_lookup_elem(&victim_map, &key);
	struct victim_event *event;

	if (value && value->victim_member == victim_rodata)
		victim_global = *value;
	event = bpf_ringbuf_reserve(&victim_ring, sizeof(*event), 0);
	if (!event)
		return 0;
	event->victim_pid = victim_global.victim_alias;
	event->victim_ts = victim_counter++;
	bpf_ringbuf_submit(event, 0);
	victim_pointer = value;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
