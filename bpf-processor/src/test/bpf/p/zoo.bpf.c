// SPDX-License-Identifier: GPL-2.0
// The type zoo (types in zoo.h): every BTF kind and layout trick, reachable from maps, the ring
// buffer and .rodata/.data/.bss variables, so the skeleton generates a type for each. Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "zoo.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct zoo_packed);
	__type(value, struct zoo_nested);
} nested SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct zoo_bits);
	__type(value, union zoo_word);
} words SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct zoo_arrays);
} arrays SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct zoo_padded);
} padded SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4);
	__type(key, struct zoo_clash);
	__type(value, struct zoo_flex);
} clash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, struct zoo_wide);
} wides SEC(".maps");

/* A key and a value without a struct around them: an enum and a 2-D array. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, enum zoo_state);
	__type(value, __s32[2][3]);
} grids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

/* Samples of the same type as the ring buffer's records, bound by the same convention. */
struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} perf_events SEC(".maps");

/* Binds the ring buffer's record type by convention. */
const struct zoo_event *unused_event __attribute__((unused));

/* .rodata */
const volatile enum zoo_state wanted_state = ZOO_RUNNING;
const volatile struct zoo_scalars defaults = {};
const volatile zoo_pid_t pids[2][2] = {};

/* .data: initialised by clang, so the layout test can read clang's own bytes back. */
struct zoo_bits init_bits = {
	.low3 = 5, .signed5 = -7, .wide20 = 0xabcde, .spans = 0xfedcba9876ull, .neg23 = -1234567,
	.on = 1, .delta = ZOO_DOWN, .tail = 0x99, .top7 = 100,
};
struct zoo_tagged init_tagged = { .kind = 3, .number = 0x11223344, .x = 7, .y = 9, .trailer = 0xee };
union zoo_word init_word = { .parts = { .lo = 0x1234, .hi = 0x5678 } };
struct zoo_arrays init_arrays = {
	.one = { 1, 2, 65535 },
	.grid = { { 1, -2, 3 }, { -4, 5, -6 } },
	.cube = { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } },
	.names = { "ab", "cdefghi" },
	.packs = { { 1, 0x0102030405060708ull, 80 }, { 2, 9, 443 } },
	.words = { { .whole = 0xaabbccddeeff0011ull }, { .halves = { 1, 2 } } },
	.deltas = { ZOO_UP, ZOO_DOWN },
	.comm = "zoo",
};
enum zoo_neg64 init_neg64 = ZOO_NEG64_MIN;
enum zoo_big init_big = ZOO_BIG_TOP;
struct zoo_wide init_wide = {
	.tag = 1,
	.s128 = -((__int128)1 << 100),
	.u128 = { ~(unsigned __int128)0, ((unsigned __int128)0x0123456789abcdefull << 64) | 0xfedcba9876543210ull },
};

/* .bss */
struct zoo_event last_event;
enum zoo_small last_small;
zoo_counts_t totals;

SEC("tp/syscalls/sys_enter_getpid")
int on_getpid(void *ctx)
{
	struct zoo_event *e;

	if (wanted_state != ZOO_RUNNING)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->state = wanted_state;
	e->bits = init_bits;
	e->word = init_word;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	last_event.pid = e->pid + defaults.u32 + pids[1][1] + init_tagged.x + init_arrays.one[0];
	last_small = init_neg64 == ZOO_NEG64_MIN && init_big == ZOO_BIG_TOP ? ZOO_HUGE : ZOO_TINY;
	totals.hits++;
	bpf_map_lookup_elem(&grids, &e->state);
	if (init_wide.tag)
		bpf_map_lookup_elem(&wides, &e->pid);
	bpf_perf_event_output(ctx, &perf_events, BPF_F_CURRENT_CPU, e, sizeof(*e));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
