#!/usr/bin/env bash
# Installs the repository's pinned Node tools (package-lock.json: Azurite) unless they are already there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ ! -x "$root/node_modules/.bin/azurite" ]] || [[ ! -d "$root/node_modules/smtp-server" ]] || [[ ! -d "$root/node_modules/mailparser" ]] \
  || [[ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]]; then
  command -v npm >/dev/null || { echo "error: Node.js and npm are needed (apt-get install nodejs npm)." >&2; exit 1; }
  echo "Installing pinned Node tools (Azurite, the test SMTP server) …" >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
