#!/usr/bin/env bash
# Times savnet serve's save-to-reload at national scale.
#
#   Benchmarks/serve-reload.sh [SCALE]        (from the repository root; SCALE defaults to 1)
#
# Builds savnet in release mode, generates SCALE x the country's networks (the same
# content as Benchmarks/compare-hugo.sh, kept in .bench/), and runs
# Benchmarks/serve-reload.py on it (RUNS saves, default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1}"
source Benchmarks/content.sh
exec python3 Benchmarks/serve-reload.py "$work" "$PWD/.build/release/savnet" "${RUNS:-30}"
