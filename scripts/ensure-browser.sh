#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests unless /usr/bin/chromium is already there.
# Playwright's own browser download does not work on these machines, so the tests drive this one
# (tests/Invoicing.BrowserTests launches it with ExecutablePath = /usr/bin/chromium). INVOICING_CHROMIUM
# names another Chromium-based browser instead (the Azure pipeline uses the agent's Google Chrome).
set -euo pipefail
browser="${INVOICING_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$browser" ]]; then
  exit 0
fi
if [[ -n "${INVOICING_CHROMIUM:-}" ]]; then
  echo "error: INVOICING_CHROMIUM=$INVOICING_CHROMIUM does not exist or is not executable." >&2
  exit 1
fi

echo "Installing Debian's chromium for the browser tests (apt-get) …" >&2
if ! command -v apt-get >/dev/null; then
  echo "error: $browser is missing and apt-get is not available; install Chromium so that $browser exists." >&2
  exit 1
fi
sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "error: $browser is missing; installing it needs root (apt-get install chromium)." >&2
    exit 1
  fi
fi
echo "+ apt-get update -qq" >&2
"${sudo[@]}" apt-get update -qq >&2 || { echo "error: apt-get update failed; cannot install chromium." >&2; exit 1; }
echo "+ apt-get install -y -qq chromium" >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq chromium >&2 \
  || { echo "error: apt-get install chromium failed." >&2; exit 1; }
if [[ ! -x "$browser" ]]; then
  echo "error: chromium was installed but $browser does not exist." >&2
  exit 1
fi
echo "Installed $("$browser" --version 2>/dev/null || echo chromium)." >&2
