#!/usr/bin/env bash
# Screenshots the built site in headless Chromium and fails on console errors or a
# sideways scroll on a 360 px phone. Installs what it needs from Debian and PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in chromium chromium-driver fonts-thai-tlwg; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q "selenium==4.38.0"

exec python3 scripts/browser-check.py "$@"
