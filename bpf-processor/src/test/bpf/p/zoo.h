/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The type zoo: every BTF kind and layout trick the generator maps, in one header so that both
 * zoo.bpf.c and the layout test (which checks the generated offsets and sizes against clang's
 * with _Static_assert) see the same types.
 */
#ifndef ZOO_H
#define ZOO_H

/* Typedef chains and qualifiers: looked through, down to the integer. */
typedef __u32 zoo_id_t;
typedef zoo_id_t zoo_pid_t;
typedef const volatile zoo_pid_t zoo_cv_pid_t;

/* Enums: unsigned, signed with a negative value, 1-byte (packed), and 64-bit in both signs. */
enum zoo_state { ZOO_IDLE, ZOO_RUNNING = 5, ZOO_DEAD = 0xfffffff0u };
enum zoo_delta { ZOO_DOWN = -2, ZOO_SAME = 0, ZOO_UP = 2 };
enum __attribute__((packed)) zoo_small { ZOO_TINY = 1, ZOO_HUGE = 200 };
enum zoo_big { ZOO_BIG_ONE = 1, ZOO_BIG_TOP = 0xffffffffffffff00ull };
enum zoo_neg64 { ZOO_NEG64_MIN = -0x7fffffffffffffffll - 1, ZOO_NEG64_MAX = 0x7fffffffffffffffll };

/* Every integer width and sign, bool, char and a pointer, with natural padding between them. */
struct zoo_scalars {
	__s8 s8;
	__u8 u8;
	__s16 s16;
	__u16 u16;
	__s32 s32;
	__u32 u32;
	__s64 s64;
	__u64 u64;
	bool flag;
	char letter;
	void *address;
	zoo_cv_pid_t pid;
	enum zoo_state state;
	enum zoo_delta delta;
	enum zoo_small small;
	enum zoo_big big;
	enum zoo_neg64 neg64;
};

/* Bitfields: signed and unsigned, odd widths, one spanning two storage units, bool and enum ones. */
struct zoo_bits {
	__u32 low3 : 3;
	__s32 signed5 : 5;
	__u32 wide20 : 20;
	__u64 spans : 40; /* crosses the 32-bit boundary */
	__s64 neg23 : 23;
	bool on : 1;
	enum zoo_delta delta : 3;
	__u8 tail;
	__u16 top7 : 7;
};

/* Unions: plain, with a struct member, and an anonymous union and struct inside a struct. */
union zoo_word {
	__u64 whole;
	__u32 halves[2];
	__u8 bytes[8];
	struct {
		__u16 lo;
		__u16 hi;
	} parts;
};

struct zoo_tagged {
	__u8 kind;
	union {
		__u32 number;
		char text[6];
	};
	struct {
		__u16 x;
		__u16 y;
	};
	__u8 trailer;
};

/* Packed, with explicit padding the generator must honour, not recompute. */
struct zoo_packed {
	__u8 tag;
	__u64 value;
	__u16 port;
} __attribute__((packed));

struct zoo_padded {
	__u8 a;
	__u8 _pad[3]; /* explicit padding */
	__u32 b;
	__u64 c __attribute__((aligned(16)));
};

/* Arrays: 1-D, 2-D, 3-D, of texts, structs, unions and enums. */
struct zoo_arrays {
	__u16 one[3];
	__s32 grid[2][3];
	__u8 cube[2][2][2];
	char names[2][8];
	struct zoo_packed packs[2];
	union zoo_word words[2];
	enum zoo_delta deltas[2];
	char comm[16];
};

/* Nesting: named and anonymous structs by value, typedef'd anonymous struct. */
typedef struct {
	__u32 hits;
	__u32 misses;
} zoo_counts_t;

struct zoo_nested {
	struct zoo_scalars scalars;
	struct zoo_bits bits;
	struct {
		zoo_counts_t counts;
		__u64 when;
	} inner;
	struct zoo_tagged tagged;
};

/* A flexible array member: not part of the fixed layout. */
struct zoo_flex {
	__u32 count;
	__u32 items[];
};

/* Names that clash with Java: keywords and members that camel-case alike. */
struct zoo_clash {
	__u32 int_;
	__u32 new;
	__u32 record_id;
	__u32 recordId;
	__u32 wrap; /* clashes with View.wrap */
	__u32 decode; /* clashes with View.decode */
};

/* 128-bit integers, which Java has no primitive for, alone and in an array. */
struct zoo_wide {
	__u8 tag;
	__int128 s128;
	unsigned __int128 u128[2];
};

/* The ring buffer's record type. */
struct zoo_event {
	zoo_pid_t pid;
	enum zoo_state state;
	struct zoo_bits bits;
	union zoo_word word;
	char comm[16];
	__u64 stack[4];
};

#endif
