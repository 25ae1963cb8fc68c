// SPDX-License-Identifier: GPL-2.0
// Test fixture for the less common object shapes: map-in-map and program arrays, explicit
// key/value sizes, custom data sections, Kconfig externs, static variables, 64-bit enums and
// several programs in one section. Never loaded; tests assert the layout clang gives it.
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

enum extras_big { BIG_SMALL = 1, BIG_LARGE = 0x100000000ULL };
enum extras_signed { SIGNED_LOW = -5, SIGNED_HIGH = 5 };

struct inner_map {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} inner SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, struct inner_map);
} outer SEC(".maps") = {
	.values = { &inner },
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 8);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} jumps SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 64);
	__type(key, enum extras_big);
	__type(value, enum extras_signed);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} pinned SEC(".maps");

extern unsigned int LINUX_KERNEL_VERSION __kconfig;
extern bool CONFIG_BPF_SYSCALL __kconfig __weak;
extern char CONFIG_HZ_STRING[8] __kconfig __weak;
extern __u64 CONFIG_HZ __kconfig __weak;

__u32 custom_counter SEC(".data.custom") = 5;
const volatile __u64 custom_limit SEC(".rodata.custom") = 10;
static __u32 hidden_total;

SEC("kprobe/do_unlinkat")
int probe_first(void *ctx)
{
	__sync_fetch_and_add(&hidden_total, LINUX_KERNEL_VERSION + CONFIG_BPF_SYSCALL);
	return 0;
}

SEC("kprobe/do_unlinkat")
int probe_second(void *ctx)
{
	__sync_fetch_and_add(&custom_counter, custom_limit + CONFIG_HZ + CONFIG_HZ_STRING[0]);
	return hidden_total;
}

SEC("?fentry/do_unlinkat")
int sleepy(void *ctx)
{
	return BIG_SMALL + SIGNED_HIGH;
}

char LICENSE[] SEC("license") = "GPL";
