// SPDX-License-Identifier: GPL-2.0
// Fixture for the ring buffer size tests: a 1 GiB ring, the largest bpf4j reads. Each getpid(2)
// of the target thread commits one record, small or of 64 MiB as the test says in .bss, so a test
// can walk the ring to its end and read a record that wraps around it.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define SMALL_RECORD 16
/* With its 8-byte header, a big record takes exactly 1/16 of the ring. */
#define BIG_RECORD ((1 << 26) - 8)

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 30);
} big SEC(".maps");

/* Offsets the test knows: target_tid at 0, big_records at 4, seq at 8, drops at 16. */
struct {
	/* The thread whose getpid(2) calls produce records. */
	__u32 target_tid;
	/* Non-zero: records of BIG_RECORD bytes, else of SMALL_RECORD. */
	__u32 big_records;
	/* Records committed; each carries its number in its first and last 8 bytes. */
	__u64 seq;
	/* Reservations that failed. */
	__u64 drops;
} state = {};

SEC("tp/syscalls/sys_enter_getpid")
int record_getpid(void *ctx)
{
	__u64 *record;
	__u64 seq;

	if ((__u32)bpf_get_current_pid_tgid() != state.target_tid)
		return 0;
	seq = state.seq + 1;
	if (state.big_records) {
		record = bpf_ringbuf_reserve(&big, BIG_RECORD, 0);
		if (!record) {
			state.drops++;
			return 0;
		}
		record[0] = seq;
		record[BIG_RECORD / 8 - 1] = seq;
	} else {
		record = bpf_ringbuf_reserve(&big, SMALL_RECORD, 0);
		if (!record) {
			state.drops++;
			return 0;
		}
		record[0] = seq;
		record[SMALL_RECORD / 8 - 1] = seq;
	}
	bpf_ringbuf_submit(record, 0);
	state.seq = seq;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
