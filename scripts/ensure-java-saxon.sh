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

source "$(dirname "$0")/apt-install.sh"
apt_install "the Peppol validation tests" --no-install-recommends "${packages[@]}"
if [[ ! -f "$saxon" ]] || ! command -v javac >/dev/null || ! command -v xmllint >/dev/null; then
  echo "error: installed ${packages[*]} but javac, xmllint or $saxon is still missing." >&2
  exit 1
fi
