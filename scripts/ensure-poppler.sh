#!/usr/bin/env bash
# Installs Debian's poppler-utils (pdftoppm) unless it is already there: the budget report's test renders every
# page of the appendix PDF to a PNG (kept under TestResults/) so a person can look at it.
set -euo pipefail
if command -v pdftoppm >/dev/null; then
  exit 0
fi

echo "Installing Debian's poppler-utils for the PDF page images (apt-get) …" >&2
if ! command -v apt-get >/dev/null; then
  echo "error: pdftoppm is missing and apt-get is not available; install poppler-utils." >&2
  exit 1
fi
sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "error: pdftoppm is missing; installing it needs root (apt-get install poppler-utils)." >&2
    exit 1
  fi
fi
echo "+ apt-get update -qq" >&2
"${sudo[@]}" apt-get update -qq >&2 || { echo "error: apt-get update failed; cannot install poppler-utils." >&2; exit 1; }
echo "+ apt-get install -y -qq poppler-utils" >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq poppler-utils >&2 \
  || { echo "error: apt-get install poppler-utils failed." >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "error: poppler-utils was installed but pdftoppm is not on PATH." >&2; exit 1; }
