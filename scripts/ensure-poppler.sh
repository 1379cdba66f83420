#!/usr/bin/env bash
# Installs pdftoppm (Debian poppler-utils): the document tests render each kind of document to a PNG with it.
set -euo pipefail
if command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi
echo "Installing poppler-utils (pdftoppm) …"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq poppler-utils >/dev/null
