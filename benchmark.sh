#!/usr/bin/env bash
# Prints speed and memory figures (see bench/Invoicing.Benchmarks). Optional argument: the number of
# municipalities in the synthetic pool (default 290, all of Sweden's).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/ensure-node-tools.sh"
dotnet run -c Release --project "$root/bench/Invoicing.Benchmarks" -- "$@"
