// SPDX-License-Identifier: GPL-2.0
// Diagnostics fixture: a ring buffer whose record type nothing binds (no unused_ pointer), so
// the skeleton needs @BpfSkeleton(events = …). Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct cpu_sample {
	__u32 cpu;
	__s32 value;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} samples SEC(".maps");

/* The last sample, for user space to read; it also puts struct cpu_sample into BTF. */
struct cpu_sample last_sample;

SEC("tp/sched/sched_switch")
int on_switch(void *ctx)
{
	struct cpu_sample *s = bpf_ringbuf_reserve(&samples, sizeof(*s), 0);

	if (!s)
		return 0;
	s->cpu = bpf_get_smp_processor_id();
	s->value = 1;
	last_sample = *s;
	bpf_ringbuf_submit(s, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
