#!/usr/bin/env bash
# Installs what the Peppol validation tests need, unless it is already there: a Java runtime with its source
# launcher (the tests' validator is one small Java file run as `java PeppolValidator.java`, which needs
# the JDK's compiler module), Debian's Saxon-HE (XSLT 2.0, for the compiled Peppol/CEN schematrons) and
# xmllint. .NET's XSLT is 1.0 only and no Saxon or UBL package is served on NuGet.
set -euo pipefail
saxon="${SAXON_JAR:-/usr/share/java/Saxon-HE.jar}"
packages=()
command -v javac >/dev/null || packages+=(default-jdk-headless)
[[ -f "$saxon" ]] || packages+=(libsaxonhe-java)
command -v xmllint >/dev/null || packages+=(libxml2-utils)
if [[ ${#packages[@]} -eq 0 ]]; then
  exit 0
fi

echo "Installing ${packages[*]} for the Peppol validation tests (apt-get) …" >&2
if ! command -v apt-get >/dev/null; then
  echo "error: ${packages[*]} missing and apt-get is not available; install a JDK (javac), Saxon-HE at $saxon and xmllint." >&2
  exit 1
fi
sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "error: ${packages[*]} missing; installing them needs root (apt-get install ${packages[*]})." >&2
    exit 1
  fi
fi
echo "+ apt-get update -qq" >&2
"${sudo[@]}" apt-get update -qq >&2 || { echo "error: apt-get update failed; cannot install ${packages[*]}." >&2; exit 1; }
echo "+ apt-get install -y -qq --no-install-recommends ${packages[*]}" >&2
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2 \
  || { echo "error: apt-get install ${packages[*]} failed." >&2; exit 1; }
if [[ ! -f "$saxon" ]] || ! command -v javac >/dev/null || ! command -v xmllint >/dev/null; then
  echo "error: installed ${packages[*]} but javac, xmllint or $saxon is still missing." >&2
  exit 1
fi
