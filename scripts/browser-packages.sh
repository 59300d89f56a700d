#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it at /usr/bin/chromium;
# `playwright install` downloads a browser build of its own, which is not allowed here).
# Installed only when missing.
set -euo pipefail
if ! dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  command -v apt-get >/dev/null 2>&1 || { echo "please install: chromium" >&2; exit 1; }
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
