// SPDX-License-Identifier: GPL-2.0
// .kconfig externs, filled in by the loader from the running kernel's configuration.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern unsigned int LINUX_KERNEL_VERSION __kconfig;
extern _Bool CONFIG_BPF_SYSCALL __kconfig __weak;

/* What the program read from .kconfig, so the test can compare it with the skeleton's view. */
__u32 seen_version = 0;

SEC("tp/syscalls/sys_enter_getpid")
int read_kconfig(void *ctx)
{
	if (CONFIG_BPF_SYSCALL)
		seen_version = LINUX_KERNEL_VERSION;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
