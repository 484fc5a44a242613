#!/usr/bin/env bash
# Fuzzes savnet's input parsers with libFuzzer (see docs/security.md): text decoding, the
# front-matter splitter, the YAML composer, the network decoder with its number, date and
# position readers, the settings loader and the PII number scanner, fed arbitrary bytes.
#
#   scripts/fuzz.sh                  # 1,000,000 inputs
#   scripts/fuzz.sh 50000            # fewer
#   scripts/fuzz.sh 1000000 -seed=1  # further arguments go to libFuzzer
#
# The harness is the separate package in Fuzz/, built into Fuzz/.build-fuzz (never the
# root's .build). It starts from a fresh copy of Fuzz/corpus each run. An input that
# crashes, hangs (> 10 s) or runs out of memory (> 2 GB) is saved in Fuzz/crashers/ and
# libFuzzer stops with a non-zero status; replay one with
#   Fuzz/.build-fuzz/release/savnet-fuzz Fuzz/crashers/<file>
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-1000000}"
shift || true
case "$runs" in
  '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [runs] [libFuzzer options...]" >&2; exit 64 ;;
esac

scripts/setup.sh

# -sanitize=fuzzer instruments the Swift code and links libFuzzer; -fsanitize=fuzzer-no-link
# instruments any C the package compiles (libyaml itself is the system's, uninstrumented).
build=(swift build -c release --package-path Fuzz --scratch-path Fuzz/.build-fuzz
       -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link)
"${build[@]}"
binary="$("${build[@]}" --show-bin-path)/savnet-fuzz"

corpus="$(mktemp -d "${TMPDIR:-/tmp}/savnet-fuzz.XXXXXX")"
trap 'rm -rf "$corpus"' EXIT
cp Fuzz/corpus/* "$corpus/"
mkdir -p Fuzz/crashers

echo "fuzz: $runs inputs, seeds from Fuzz/corpus ($(ls Fuzz/corpus | wc -l | tr -d ' ') files)" >&2
start=$SECONDS
status=0
"$binary" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix=Fuzz/crashers/ "$@" "$corpus" || status=$?
echo "fuzz: finished in $((SECONDS - start)) s with status $status" >&2
if [ -n "$(ls -A Fuzz/crashers)" ]; then
  echo "fuzz: inputs kept in Fuzz/crashers/:" >&2
  ls -l Fuzz/crashers >&2
fi
exit "$status"
