#!/usr/bin/env bash
# apt_install WHAT [--no-install-recommends] PACKAGE...: installs Debian packages for the tests (sourced by
# scripts/ensure-*.sh).
# Uses sudo when not root; any failure is one line on stderr naming WHAT and the packages, and exit 1.
apt_install() {
  local what="$1"
  shift
  local options=()
  if [[ "${1:-}" == "--no-install-recommends" ]]; then
    options=(--no-install-recommends)
    shift
  fi
  echo "Installing $* for $what (apt-get) …" >&2
  if ! command -v apt-get >/dev/null; then
    echo "error: $* missing for $what and apt-get is not available; install them by hand." >&2
    exit 1
  fi
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "error: $* missing for $what; installing them needs root (apt-get install $*)." >&2
      exit 1
    fi
  fi
  echo "+ apt-get update -qq" >&2
  "${sudo[@]}" apt-get update -qq >&2 || { echo "error: apt-get update failed; cannot install $*." >&2; exit 1; }
  echo "+ apt-get install -y -qq ${options[*]} $*" >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${options[@]}" "$@" >&2 \
    || { echo "error: apt-get install $* failed." >&2; exit 1; }
}
