// SPDX-License-Identifier: GPL-2.0
// Fixture for CHeaderWriterTest: the layouts a C header written from BTF must reproduce exactly
// (packed and over-aligned structs, bitfields, gaps, enum widths, declarators, name clashes).
// Never loaded; the test writes a header from this object's BTF and lets clang check it.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct ctypes_packed {
	char tag;
	__u64 value;
	__u16 port;
} __attribute__((packed));

struct ctypes_aligned {
	char tag;
	__u32 big __attribute__((aligned(16)));
	char tail;
} __attribute__((aligned(32)));

union ctypes_wide_union {
	__u32 word;
} __attribute__((aligned(16)));

struct ctypes_bits {
	unsigned int a : 3;
	unsigned int : 0;
	unsigned int b : 5;
	unsigned long long c : 40;
	char d;
	int e : 7;
};

enum ctypes_wide { WIDE_SMALL = 1, WIDE_BIG = 0x100000000ULL };
enum ctypes_negative { NEG_MIN = -2, NEG_MAX = 2 };
enum ctypes_byte { BYTE_A = 1 } __attribute__((packed));

typedef int (*ctypes_callback)(const char *name, void *ctx);
typedef struct ctypes_node ctypes_node_t;

struct ctypes_node {
	ctypes_node_t *next;
	struct ctypes_node *(*find)(struct ctypes_node *, int);
	const char *const label;
	volatile int counter;
	int matrix[2][3];
	int (*row)[3];
	union {
		__u32 word;
		__u8 bytes[4];
	};
	struct {
		int x, y;
	} point;
	ctypes_callback callback;
};

struct ctypes_flexible {
	__u32 length;
	char data[];
};

struct ctypes_all {
	struct ctypes_packed packed;
	struct ctypes_aligned aligned;
	union ctypes_wide_union wide_union;
	struct ctypes_bits bits;
	enum ctypes_wide wide;
	enum ctypes_negative negative;
	enum ctypes_byte byte;
	struct ctypes_node node;
};

/* The same tag and enumerator names twice: one set at file scope, one inside a function. */
struct ctypes_dup { int first; };
enum ctypes_dup_kind { DUP_ONE = 1 };

struct ctypes_all all_types;
struct ctypes_flexible flexible;
struct ctypes_dup dup_outer;
enum ctypes_dup_kind dup_kind_outer;

SEC("tp/syscalls/sys_enter_getpid")
int ctypes_prog(void *ctx)
{
	static struct ctypes_dup { long second; } dup_inner;
	static volatile enum ctypes_dup_kind { DUP_ONE = 3 } dup_kind_inner;

	dup_inner.second++;
	dup_kind_inner = DUP_ONE;
	return all_types.bits.b + flexible.length + dup_outer.first + dup_kind_outer + dup_kind_inner;
}

char LICENSE[] SEC("license") = "GPL";
