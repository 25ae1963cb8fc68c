// SPDX-License-Identifier: GPL-2.0
// Fixture for the value layout tests (io.bpf4j.btf.value): each shape the rules know, as an
// initialised .data variable, so the runtime codec is checked against the bytes clang wrote.
// Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

enum values_color { VALUES_RED = 1, VALUES_GREEN = 2, VALUES_ALSO_GREEN = 2 };
enum values_delta { VALUES_DOWN = -2, VALUES_UP = 2 };

struct values_bits {
	__u32 low3 : 3;
	__s32 neg5 : 5;
	__u64 spans : 40;
	bool on : 1;
	enum values_delta delta : 3;
	__u8 tail;
	__s64 full : 64;
};

struct values_anon {
	__u8 kind;
	union {
		__u32 number;
		char text[4];
	};
	struct {
		__u16 x;
		__u16 y;
	};
	enum values_color color;
	enum values_color unknown;
};

union values_word {
	__u64 whole;
	__u32 halves[2];
	struct {
		__u16 lo;
		__u16 hi;
	} parts;
};

struct values_flex {
	__u32 count;
	__u64 items[];
};

struct values_wide {
	__u8 tag;
	__int128 s;
	unsigned __int128 u;
};

struct values_grid {
	__s16 cells[2][3];
	char names[2][4];
	char full[4];
	char empty[4];
	__u64 slots[4];
};

struct values_nested {
	struct values_anon anon;
	union values_word word;
	struct {
		__u32 depth;
		struct values_bits bits;
	} inner;
	__u16 last;
};

struct values_bits v_bits = { .low3 = 5, .neg5 = -7, .spans = 0xfedcba9876ULL, .on = 1, .delta = VALUES_DOWN,
			      .tail = 0xab, .full = -2 };
struct values_anon v_anon = { .kind = 3, .number = 0x64636261, .x = 7, .y = 9, .color = VALUES_GREEN,
			      .unknown = (enum values_color)7 };
union values_word v_word = { .whole = 0x1122334455667788ULL };
struct values_wide v_wide = { .tag = 1, .s = -((__int128)1 << 100),
			      .u = ((unsigned __int128)0x0123456789abcdefULL << 64) | 0xfedcba9876543210ULL };
struct values_grid v_grid = { .cells = { { 1, -2, 3 }, { -4, 5, -32768 } }, .names = { "ab", "cdef" },
			      .full = { 'w', 'x', 'y', 'z' }, .slots = { 0, 1, 0xffffffffffffffffULL, 42 } };
struct values_nested v_nested = { .anon = { .kind = 1, .text = "hi" }, .word = { .whole = 5 },
				  .inner = { .depth = 2, .bits = { .neg5 = -1 } }, .last = 65535 };
struct values_flex *v_flex;

char LICENSE[] SEC("license") = "GPL";
