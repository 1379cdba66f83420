#!/usr/bin/env bash
# Prints speed and memory figures (see bench/Invoicing.Benchmarks). Optional argument: the number of
# municipalities in the synthetic pool (default 290, all of Sweden's); a second, `shared-bankgiro`, measures only
# that case (issue 24, goal 2) after the run that issues the invoices it pays; `bank-file` only the year's first camt.054
# of 100 000 entries, all ours, through the CLI (issue 12, goal 3), the same way; `ten-schemes` measures only ten national
# schemes of one issuer in one `./invoicing run` (issue 24, goal 1), then the API under load on their 3 110 invoices
# (goal 5); `api-load` issues the ten schemes in its own process and measures only the API under load; `reminders`
# only the reminder run without and with ten years of paid history, each against its storage floor (goal 3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/ensure-node-tools.sh"
# The CLI as ./invoicing builds it, for the startup figure (`invoices list`).
"$root/invoicing" --help >/dev/null
INVOICING_CLI="$root/.build/cli/Invoicing.Cli.dll" dotnet run -c Release --project "$root/bench/Invoicing.Benchmarks" -- "$@"
