// SPDX-License-Identifier: GPL-2.0
// Fixture: a struct with more members than a Java record's constructor can take (136 u64s need
// 272 parameter slots; the JVM allows 254), as kernel structs such as task_struct have. Its type
// is held as its bytes, built and read through its View. Never loaded.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#define EIGHT(n) __u64 f##n##0, f##n##1, f##n##2, f##n##3, f##n##4, f##n##5, f##n##6, f##n##7;

struct huge {
	EIGHT(0) EIGHT(1) EIGHT(2) EIGHT(3) EIGHT(4) EIGHT(5) EIGHT(6) EIGHT(7) EIGHT(8)
	EIGHT(9) EIGHT(10) EIGHT(11) EIGHT(12) EIGHT(13) EIGHT(14) EIGHT(15) EIGHT(16)
	__u32 bytes; /* named like the accessor of the raw bytes */
};

struct huge huge;

SEC("tp/sched/sched_switch")
int on_switch(void *ctx)
{
	huge.f00++;
	huge.bytes++;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
