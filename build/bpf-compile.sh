#!/usr/bin/env bash
# Compiles every *.bpf.c under SRC_DIR into OUT_DIR (same relative path, .bpf.o), with clang
# -target bpf -g -O2 against a vmlinux.h made from the running kernel's BTF (CO-RE).
# Called by Maven (exec-maven-plugin) before javac, so the annotation processor finds the objects.
#
# usage: bpf-compile.sh SRC_DIR OUT_DIR INCLUDE_DIR
set -euo pipefail

src_dir=$1
out_dir=$2
include_dir=$3

[ -d "$src_dir" ] || exit 0
mapfile -t sources < <(cd "$src_dir" && find . -name '*.bpf.c' | sort)
[ "${#sources[@]}" -gt 0 ] || exit 0

# BPF4J_CLANG names the compiler explicitly; otherwise clang-19, then clang.
clang=""
for candidate in ${BPF4J_CLANG:-clang-19 clang}; do
  if command -v "$candidate" >/dev/null 2>&1; then clang=$candidate; break; fi
done
if [ -z "$clang" ]; then
  echo "bpf4j: clang (${BPF4J_CLANG:-clang-19}) is needed to compile BPF C in $src_dir; install it with: apt-get install clang-19 libbpf-dev bpftool (or run ./bpf4j setup)" >&2
  exit 1
fi
if [ ! -f /usr/include/bpf/bpf_helpers.h ]; then
  echo "bpf4j: libbpf headers are needed to compile BPF C; install them with: apt-get install libbpf-dev (or run ./bpf4j setup)" >&2
  exit 1
fi

# vmlinux.h: the kernel's types, generated once per module build from /sys/kernel/btf/vmlinux.
"$(dirname "$0")/vmlinux-h.sh" "$include_dir"

arch_include=/usr/include/$(uname -m)-linux-gnu
case "$(uname -m)" in
  x86_64) target_arch=x86 ;;
  aarch64) target_arch=arm64 ;;
  *) target_arch=$(uname -m) ;;
esac

compiled=0
for rel in "${sources[@]}"; do
  rel=${rel#./}
  src=$src_dir/$rel
  obj=$out_dir/${rel%.c}.o
  # Up to date when newer than its source, vmlinux.h and every header beside the sources.
  if [ -f "$obj" ] && [ "$obj" -nt "$src" ] && [ "$obj" -nt "$include_dir/vmlinux.h" ] && \
     [ -z "$(find "$src_dir" -name '*.h' -newer "$obj" -print -quit)" ]; then
    continue
  fi
  mkdir -p "$(dirname "$obj")"
  "$clang" -O2 -g -target bpf "-D__TARGET_ARCH_${target_arch}" \
    -I "$include_dir" -I "$(dirname "$src")" -I "$src_dir" -I "$arch_include" \
    -Wall -Werror -Wno-unused-function \
    -c "$src" -o "$obj.tmp"
  mv "$obj.tmp" "$obj"
  compiled=$((compiled + 1))
done
# A skeleton embeds its object's SHA-256, but javac's incremental build only sees Java changes:
# forget its input list, the generated sources and the module's classes so the skeletons of
# recompiled objects are generated afresh (javac 17 crashes when a skeleton record it read from
# an old class file is generated again as source in the same compilation).
if [ "$compiled" -gt 0 ]; then
  target=$(dirname "$out_dir")
  find "$out_dir" -name '*.class' -delete
  case "$(basename "$out_dir")" in
    test-classes) rm -rf "$target/maven-status/maven-compiler-plugin/testCompile" \
                         "$target/generated-test-sources/test-annotations" ;;
    *) rm -rf "$target/maven-status/maven-compiler-plugin/compile" "$target/generated-sources/annotations" ;;
  esac
fi
echo "bpf4j: ${#sources[@]} BPF object(s) in $out_dir, $compiled compiled"
