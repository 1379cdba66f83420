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

source "$(dirname "$0")/apt-install.sh"
apt_install "the browser tests" chromium
if [[ ! -x "$browser" ]]; then
  echo "error: chromium was installed but $browser does not exist." >&2
  exit 1
fi
echo "Installed $("$browser" --version 2>/dev/null || echo chromium)." >&2
