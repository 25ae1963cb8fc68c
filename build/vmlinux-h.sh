#!/usr/bin/env bash
# Writes DIR/vmlinux.h from the running kernel's BTF (once; kept while the kernel is the same).
set -euo pipefail
dir=$1
header=$dir/vmlinux.h
stamp=$dir/vmlinux.kernel
kernel=$(uname -r)
if [ -f "$header" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$kernel" ]; then exit 0; fi
if [ ! -r /sys/kernel/btf/vmlinux ]; then
  echo "bpf4j: /sys/kernel/btf/vmlinux is missing: the kernel needs CONFIG_DEBUG_INFO_BTF to build CO-RE programs" >&2
  exit 1
fi
bpftool=$(command -v bpftool || true)
[ -n "$bpftool" ] || for b in /usr/sbin/bpftool /usr/local/sbin/bpftool; do [ -x "$b" ] && bpftool=$b; done
if [ -z "$bpftool" ]; then
  echo "bpf4j: bpftool is needed to generate vmlinux.h; install it with: apt-get install bpftool (or run ./bpf4j setup)" >&2
  exit 1
fi
mkdir -p "$dir"
"$bpftool" btf dump file /sys/kernel/btf/vmlinux format c > "$header.tmp"
mv "$header.tmp" "$header"
echo "$kernel" > "$stamp"
