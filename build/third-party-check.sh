#!/usr/bin/env bash
# Runs the skeleton generator against real third-party CO-RE objects: the BPF objects that
# `bpftool gen skeleton` embedded in the binaries of Debian's libbpf-tools package. Each object is
# cut out of its binary (`bpf4j extract`, io.bpf4j.processor.cli.ExtractCommand), then `bpf4j gen --check` writes its
# skeleton and compiles it against bpf-api alone. Prints one line per object and a summary.
# Not part of `mvn verify` (it needs the package and takes about a minute).
#
# usage: build/third-party-check.sh [WORK_DIR]     (default target/third-party; installs
#        libbpf-tools when it is missing, which needs root)
# exit status: 0 when every object gets a skeleton that compiles, 1 otherwise
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
work=$(realpath -m "${1:-$root/target/third-party}")

if ! dpkg-query -W -f='${Status}\n' libbpf-tools 2>/dev/null | grep -q '^install ok installed$'; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "third-party-check: libbpf-tools is not installed; as root: apt-get install libbpf-tools" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libbpf-tools >/dev/null
fi

rm -rf "$work"
mkdir -p "$work/objects"

# Builds the generator when stale (its help goes to the log): bpf-processor's executable jar.
"$root/bpf4j" gen --help 2> "$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
jar=$(compgen -G "$root/bpf-processor/target/bpf-processor-*-cli.jar" | head -n 1)

# The tools' binaries; several names are links to one binary (ext4dist -> fsdist), count each once.
mapfile -t binaries < <(dpkg -L libbpf-tools | grep '^/usr/sbin/.' | xargs -r readlink -f | sort -u)
java -jar "$jar" extract "$work/objects" "${binaries[@]}" \
  2> "$work/extract.log" || { cat "$work/extract.log" >&2; exit 1; }

# Every object as it is: a ring buffer whose record type nothing binds (mountsnoop and oomkill build
# their records in a per-CPU byte buffer) is generated raw, with a warning line naming how to bind one.
status=0
"$root/bpf4j" gen --package libbpf.tools --out "$work/src" --check "$work/objects"/*.bpf.o \
  2> "$work/gen.log" || status=$?
cat "$work/gen.log" >&2
compiled=$(grep -c ' (compiles)$' "$work/gen.log" || true)
warned=$(grep -c ': warning: ' "$work/gen.log" || true)
echo "third-party-check: ${#binaries[@]} binaries, $(ls "$work/objects" | wc -l) objects, $compiled skeletons" \
  "compile ($warned warnings: records bound raw by default);" \
  "sources in $work/src, log in $work/gen.log" >&2
exit "$status"
