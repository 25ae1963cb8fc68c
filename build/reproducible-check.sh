#!/usr/bin/env bash
# Checks that the build is reproducible: clones HEAD twice into different directories, builds each
# (mvn package, tests skipped: they change no jar) and compares the SHA-256 of every jar, sources and
# Javadoc jars included. Prints one line per jar that differs and a summary.
# Not part of `mvn verify` (two full builds); run it before a release.
#
# usage: build/reproducible-check.sh [WORK_DIR]     (default: a mktemp -d, removed afterwards)
# exit status: 0 when every jar is identical, 1 otherwise
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
if [ -n "${1:-}" ]; then
  work=$(readlink -f "$1"); mkdir -p "$work"
else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fi

for n in 1 2; do
  rm -rf "$work/build-$n"
  git clone -q "$root" "$work/build-$n"
  (cd "$work/build-$n" && mvn -B -q -Dmaven.test.skip=true package > "$work/build-$n.log" 2>&1) ||
    { echo "reproducible-check: build $n failed, see $work/build-$n.log" >&2; tail -20 "$work/build-$n.log" >&2; exit 1; }
  (cd "$work/build-$n" && find . -path '*/target/*.jar' -not -path '*/target/lib/*' -not -path '*/local-repo/*' \
     -exec sha256sum {} + | sort -k2) > "$work/build-$n.sha256"
done

jars=$(wc -l < "$work/build-1.sha256")
if diff -q "$work/build-1.sha256" "$work/build-2.sha256" > /dev/null; then
  echo "reproducible-check: $jars jars, all identical in both builds"
  exit 0
fi
differing=$(diff "$work/build-1.sha256" "$work/build-2.sha256" | sed -n 's/^> [0-9a-f]* */differs: /p' || true)
echo "$differing" >&2
echo "reproducible-check: $jars jars, $(echo "$differing" | wc -l) differ" >&2
exit 1
