#!/usr/bin/env bash
# Installs the system packages savnet needs to build and test, on Debian or Ubuntu.
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Pagefind's extended build indexes the site for Thai-aware search (optional: without
# it `savnet build` still builds, and says the site is not indexed).
if ! python3 -c "import pagefind_bin_extended" 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check "pagefind-bin-extended==1.5.2" 2>/dev/null \
    || echo "setup: could not install pagefind-bin-extended; the site will build without search" >&2
fi

command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://www.swift.org/install/)" >&2; exit 1; }
