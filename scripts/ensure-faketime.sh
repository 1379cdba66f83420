#!/usr/bin/env bash
# Installs Debian's libfaketime unless it is already there: the CLI end-to-end tests run every command on a pinned
# day (CliRunner.Today), so what they assert ("29 invoices issued in 2026", December's SIE file) holds on any real
# date the tests happen to run.
set -euo pipefail
for library in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1; do
  [[ -f "$library" ]] && exit 0
done

source "$(dirname "$0")/apt-install.sh"
apt_install "the CLI tests' pinned clock" faketime
