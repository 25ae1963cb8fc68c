#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "sample.h"

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} samples SEC(".maps");

__u64 calls;
/* The last sample, also in .bss: it puts struct counter_sample into BTF; the ring buffer is bound in the pom. */
struct counter_sample last_sample;

SEC("tracepoint/syscalls/sys_enter_getpid")
int count_getpid(void *ctx)
{
	struct counter_sample *s;

	__sync_fetch_and_add(&calls, 1);
	s = bpf_ringbuf_reserve(&samples, sizeof(*s), 0);
	if (!s)
		return 0;
	s->cpu = bpf_get_smp_processor_id();
	s->value = calls;
	last_sample = *s;
	bpf_ringbuf_submit(s, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
