// SPDX-License-Identifier: GPL-2.0
// Fixture: C names that collide with Java keywords, with the names the skeleton itself uses
// (Data, Maps, Codec, memory(), and the object layer's hashMap(), program()) and with each other
// once camel-cased.
// The skeleton must still compile without a warning. Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct codec {
	__u32 that;
	__u32 other;
	__u64 result;
	__u32 buffer[2];
	__u32 offset;
	__u32 value;
};

struct data {
	__u32 class;
	__u32 hash_code;
	__u32 hashCode;
	struct codec codec;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, struct codec);
	__type(value, struct data);
} hashMap SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, struct data);
} ring_buffer SEC(".maps");

/* Called like the View nested in every record. */
struct view {
	__u32 v;
};

struct view view;

/* Called like the skeleton's Maps class. */
struct maps {
	__u32 count;
};

struct maps per_map;

/* Enums are held as the integer of their size; anonymous structs are named after what names them. */
enum tint { TINT_RED, TINT_GREEN };
typedef struct {
	__u32 a;
} anon_t;
struct outer {
	struct {
		__u16 x;
	} inner;
	enum tint tint;
};

enum tint tint;
anon_t anon;
struct outer outer;
__u64 data;
__u64 memory;
__u32 i;
struct codec buffer[2];

SEC("tp/sched/sched_switch")
int program(void *ctx)
{
	__u32 key = 0;
	struct data *d = bpf_map_lookup_elem(&ring_buffer, &key);

	if (d)
		d->class++;
	data++;
	memory++;
	i++;
	buffer[1].that++;
	per_map.count++;
	view.v++;
	tint = TINT_GREEN;
	anon.a++;
	outer.inner.x++;
	return 0;
}

SEC("xdp")
int Xdp(struct xdp_md *ctx)
{
	struct codec key = {};
	struct data *d = bpf_map_lookup_elem(&hashMap, &key);

	return d ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
