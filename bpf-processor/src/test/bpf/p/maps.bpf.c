// SPDX-License-Identifier: GPL-2.0
// Golden fixture: typed hash and array maps, .bss/.data/.rodata variables of every scalar kind,
// a tracepoint program (auto-attached) and an XDP program (attached explicitly). Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SLOTS 4

struct conn_key {
	__u32 saddr;
	__u32 daddr;
	__u16 sport;
	__u16 dport;
	__u8 proto;
	/* 3 bytes of padding: the generated codec writes them as zero (hash keys compare bytes). */
};

struct conn_counters {
	__u64 packets;
	__u64 bytes;
};

struct conn_stats {
	struct conn_counters in;
	struct conn_counters out;
	char comm[16];
	__u64 slots[SLOTS];
	__s8 s8;
	__u8 u8;
	__s16 s16;
	__u16 u16;
	__s32 s32;
	bool active;
	__s64 s64;
	void *last_skb;
	struct conn_counters history[2];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, struct conn_key);
	__type(value, struct conn_stats);
} flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 1024);
	__uint(map_flags, BPF_F_NO_COMMON_LRU);
	__type(key, __u32);
	__type(value, __u64);
} start SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, SLOTS);
	__type(key, __u32);
	__type(value, struct conn_counters);
} hists SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} scratch SEC(".maps");

/* .bss: zero-initialised globals. */
__u64 total_writes;
__u32 last_pid;
struct conn_counters totals;

/* .data: initialised globals. */
__s32 write_sample = 10;
char tag[8] = "maps";
__u16 ports[3] = { 22, 80, 443 };

/* .rodata: configuration set before load. */
const volatile __u64 min_bytes = 1;
const volatile int class = 2;

/* Static variables are private to the object: no accessors. */
static __u64 hidden_counter;

SEC("tp/syscalls/sys_enter_write")
int count_write(struct trace_event_raw_sys_enter *ctx)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	__u64 now = bpf_ktime_get_ns();
	__u32 zero = 0;
	struct conn_counters *c;

	if (ctx->args[2] < min_bytes || class < 0)
		return 0;
	total_writes++;
	hidden_counter++;
	last_pid = pid + write_sample + tag[0] + ports[1];
	totals.bytes += ctx->args[2];
	bpf_map_update_elem(&start, &pid, &now, BPF_ANY);
	c = bpf_map_lookup_elem(&hists, &zero);
	if (c)
		__sync_fetch_and_add(&c->packets, 1);
	bpf_map_lookup_elem(&scratch, &zero);
	return 0;
}

SEC("xdp")
int count_packets(struct xdp_md *ctx)
{
	struct conn_key key = {};
	struct conn_stats *stats;

	key.proto = ctx->ingress_ifindex;
	stats = bpf_map_lookup_elem(&flows, &key);
	if (stats)
		__sync_fetch_and_add(&stats->in.packets, 1);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
