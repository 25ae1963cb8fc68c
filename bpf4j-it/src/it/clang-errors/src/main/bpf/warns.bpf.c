#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tracepoint/syscalls/sys_enter_openat")
int warns(void *ctx)
{
	int spare;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
