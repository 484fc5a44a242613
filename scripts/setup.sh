#!/usr/bin/env bash
# Installs the system packages savnet needs to build and test, on Debian or Ubuntu.
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libmimalloc-dev)

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

# Node.js runs the search script's tests (Tests/search/) against a built site.
if ! command -v node >/dev/null; then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing nodejs (for the search tests)" >&2
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs >/dev/null \
    || echo "setup: could not install nodejs; the search tests will fail" >&2
fi

command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://www.swift.org/install/)" >&2; exit 1; }
