// SPDX-License-Identifier: GPL-2.0
// Ring-buffer benchmarks (drain and sustained stream): every getpid(2) of the target process
// queues one 64-byte record. BPF_RB_NO_WAKEUP keeps the producer from signalling epoll, so the ring
// fills without waking anyone and the consumer's work is measured on its own. A record that finds
// the ring full is counted in `drops`, so a consumer that falls behind shows up as drops.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

/* One record: 64 bytes, a sequence number and payload. */
struct bench_record {
	__u64 seq;
	__u64 payload[7];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 32 * 1024 * 1024);
} records SEC(".maps");

/* Set before load: the process (tgid) whose getpid calls are recorded. */
const volatile __u32 target_tgid = 0;

__u64 next_seq = 0;

/* Records that could not be reserved because the ring was full. */
__u64 drops = 0;

/* Names the ring buffer's record type in BTF (ring buffers carry none of their own). */
const struct bench_record *unused_record __attribute__((unused));

SEC("tp/syscalls/sys_enter_getpid")
int fill(void *ctx)
{
	struct bench_record *record;

	if ((bpf_get_current_pid_tgid() >> 32) != target_tgid)
		return 0;
	record = bpf_ringbuf_reserve(&records, sizeof(*record), 0);
	if (!record) {
		__sync_fetch_and_add(&drops, 1);
		return 0;
	}
	record->seq = next_seq++;
	for (int i = 0; i < 7; i++)
		record->payload[i] = i;
	bpf_ringbuf_submit(record, BPF_RB_NO_WAKEUP);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
