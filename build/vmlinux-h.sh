#!/usr/bin/env bash
# Writes DIR/vmlinux.h, the C declarations of the running kernel's types, from its BTF.
#
# The header is generated in Java by bpf-api's io.bpf4j.btf.VmlinuxHeader, so the build needs no
# bpftool: Maven compiles bpf-api's main classes before any module's BPF C. Only when those
# classes are missing (bpf-api not built yet) does it fall back to bpftool, and says so.
# The header is kept while the kernel and the generator stay the same (DIR/vmlinux.kernel records both).
#
# usage: vmlinux-h.sh DIR
set -euo pipefail
dir=$1
header=$dir/vmlinux.h
stamp=$dir/vmlinux.kernel
btf=/sys/kernel/btf/vmlinux
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
classes=$root/bpf-api/target/classes
generator=$classes/io/bpf4j/btf/VmlinuxHeader.class
kernel=$(uname -r)

if [ ! -r "$btf" ]; then
  echo "bpf4j: $btf is missing: the kernel needs CONFIG_DEBUG_INFO_BTF to build CO-RE programs" >&2
  exit 1
fi

if [ -f "$generator" ]; then
  # The generator's identity is the content of its classes, not their time stamps: javac
  # rewrites every class of bpf-api whenever any of its sources changes.
  tool="java $(cat "$classes"/io/bpf4j/btf/*.class | sha256sum | cut -c1-16)"
else
  tool=bpftool
fi

# Up to date: same kernel, same tool (for Java, the same generator classes).
if [ -f "$header" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$kernel $tool" ]; then
  exit 0
fi

mkdir -p "$dir"
# A private temporary file: builds of several modules may regenerate the header at once.
tmp=$(mktemp "$header.XXXXXX")
trap 'rm -f "$tmp"' EXIT
if [ "$tool" != bpftool ]; then
  java=java
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java=$JAVA_HOME/bin/java
  "$java" -cp "$classes" io.bpf4j.btf.VmlinuxHeader "$btf" > "$tmp"
else
  bpftool=$(command -v bpftool || true)
  [ -n "$bpftool" ] || for b in /usr/sbin/bpftool /usr/local/sbin/bpftool; do [ -x "$b" ] && bpftool=$b; done
  if [ -z "$bpftool" ]; then
    echo "bpf4j: cannot generate vmlinux.h: bpf-api's classes are missing ($generator; build bpf-api first:" \
         "mvn -pl bpf-api compile) and there is no bpftool to fall back on (apt-get install bpftool)" >&2
    exit 1
  fi
  echo "bpf4j: bpf-api's classes are missing ($generator); generating vmlinux.h with $bpftool instead" >&2
  "$bpftool" btf dump file "$btf" format c > "$tmp"
fi
chmod 644 "$tmp"   # mktemp creates it private
mv "$tmp" "$header"
echo "$kernel $tool" > "$stamp"
