// SPDX-License-Identifier: GPL-2.0
// Compile-time fixture: 50 structs and 20 maps, to measure what the annotation processor adds to a
// javac run (GenerationTimeBenchmark; docs/performance.md). 30 leaf structs are nested in 20 map
// value structs; every map is typed by BTF. Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define LEAF(n)                                                                                    \
	struct leaf##n {                                                                           \
		__u64 id;                                                                          \
		__u32 count;                                                                       \
		__s16 delta;                                                                       \
		__u8 flags;                                                                        \
		char name[12];                                                                     \
	};

/* Values 0-9 hold two leaves each, values 10-19 one: 20 values + 30 leaves = 50 structs. */
#define VALUE2(n, a, b)                                                                            \
	struct value##n {                                                                          \
		__u64 ts;                                                                          \
		__u32 pid;                                                                         \
		__s32 ret;                                                                         \
		struct leaf##a first;                                                              \
		struct leaf##b second;                                                             \
		__u64 hist[4];                                                                     \
	};
#define VALUE1(n, a)                                                                               \
	struct value##n {                                                                          \
		__u64 ts;                                                                          \
		__u32 pid;                                                                         \
		struct leaf##a only;                                                               \
		char comm[16];                                                                     \
	};

/* Even maps are hashes, odd maps arrays, so both accessor kinds are generated. */
#define MAP(n, kind)                                                                               \
	struct {                                                                                   \
		__uint(type, kind);                                                                \
		__uint(max_entries, 1024);                                                         \
		__type(key, __u32);                                                                \
		__type(value, struct value##n);                                                    \
	} map##n SEC(".maps");

LEAF(0) LEAF(1) LEAF(2) LEAF(3) LEAF(4) LEAF(5) LEAF(6) LEAF(7) LEAF(8) LEAF(9)
LEAF(10) LEAF(11) LEAF(12) LEAF(13) LEAF(14) LEAF(15) LEAF(16) LEAF(17) LEAF(18) LEAF(19)
LEAF(20) LEAF(21) LEAF(22) LEAF(23) LEAF(24) LEAF(25) LEAF(26) LEAF(27) LEAF(28) LEAF(29)

VALUE2(0, 0, 1) VALUE2(1, 2, 3) VALUE2(2, 4, 5) VALUE2(3, 6, 7) VALUE2(4, 8, 9)
VALUE2(5, 10, 11) VALUE2(6, 12, 13) VALUE2(7, 14, 15) VALUE2(8, 16, 17) VALUE2(9, 18, 19)
VALUE1(10, 20) VALUE1(11, 21) VALUE1(12, 22) VALUE1(13, 23) VALUE1(14, 24)
VALUE1(15, 25) VALUE1(16, 26) VALUE1(17, 27) VALUE1(18, 28) VALUE1(19, 29)

MAP(0, BPF_MAP_TYPE_HASH) MAP(1, BPF_MAP_TYPE_ARRAY) MAP(2, BPF_MAP_TYPE_HASH) MAP(3, BPF_MAP_TYPE_ARRAY)
MAP(4, BPF_MAP_TYPE_HASH) MAP(5, BPF_MAP_TYPE_ARRAY) MAP(6, BPF_MAP_TYPE_HASH) MAP(7, BPF_MAP_TYPE_ARRAY)
MAP(8, BPF_MAP_TYPE_HASH) MAP(9, BPF_MAP_TYPE_ARRAY) MAP(10, BPF_MAP_TYPE_HASH) MAP(11, BPF_MAP_TYPE_ARRAY)
MAP(12, BPF_MAP_TYPE_HASH) MAP(13, BPF_MAP_TYPE_ARRAY) MAP(14, BPF_MAP_TYPE_HASH) MAP(15, BPF_MAP_TYPE_ARRAY)
MAP(16, BPF_MAP_TYPE_HASH) MAP(17, BPF_MAP_TYPE_ARRAY) MAP(18, BPF_MAP_TYPE_HASH) MAP(19, BPF_MAP_TYPE_ARRAY)

SEC("tp/sched/sched_switch")
int on_switch(void *ctx)
{
	__u32 key = 0;
	struct value0 *v = bpf_map_lookup_elem(&map0, &key);

	if (v)
		v->first.count++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
