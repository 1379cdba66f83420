#!/usr/bin/env bash
# Installs Debian's poppler-utils (pdftoppm) unless it is already there: the budget report's test renders every
# page of the appendix PDF to a PNG (kept under TestResults/) so a person can look at it.
set -euo pipefail
if command -v pdftoppm >/dev/null; then
  exit 0
fi

source "$(dirname "$0")/apt-install.sh"
apt_install "the PDF page images" poppler-utils
command -v pdftoppm >/dev/null || { echo "error: poppler-utils was installed but pdftoppm is not on PATH." >&2; exit 1; }
