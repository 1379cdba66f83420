#!/usr/bin/env bash
# Installs what the tests need (Node tools: Azurite and an SMTP server; Debian's Chromium, poppler-utils, a JDK
# with Saxon-HE and xmllint) and runs every test of Invoicing.Local.slnf: unit, Azurite integration, CLI
# end-to-end, web API, browser and infrastructure tests, then the Functions platform check where
# ../shared/functions-worker-feed exists. Ends with "N passed, N failed".
# TEST_COVERAGE=1 also collects coverage (cobertura) into TestResults/.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

scripts/ensure-node-tools.sh || exit 1
scripts/ensure-browser.sh || exit 1
scripts/ensure-poppler.sh || exit 1
scripts/ensure-java-saxon.sh || exit 1

results="$root/TestResults"
rm -rf "$results"
echo "Building Invoicing.Local.slnf …"
if ! dotnet build Invoicing.Local.slnf -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

coverage=()
if [[ "${TEST_COVERAGE:-0}" == "1" ]]; then
  coverage=(--collect "XPlat Code Coverage")
fi

# Each test project of the solution filter in turn, each with its own TRX file (named after the project, so
# two projects finishing in the same second cannot overwrite each other's results).
status=0
for project in $(grep -o '"tests/[^"]*Tests\.csproj"' Invoicing.Local.slnf | tr -d '"'); do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "${coverage[@]}" || status=1
done

# The Functions platform check: the Functions app built against the real isolated-worker packages and run in the
# real worker (tests/Invoicing.FunctionsPlatformCheck). It needs ../shared/functions-worker-feed, which CI has
# beside the clone and a user's clone does not.
if [[ -d "$root/../shared/functions-worker-feed" && -d "$root/../shared/tools/functions-host-standin" ]]; then
  echo "Functions platform check (real worker from ../shared/functions-worker-feed) …"
  started=$SECONDS
  dotnet test tests/Invoicing.FunctionsPlatformCheck/Invoicing.FunctionsPlatformCheck.csproj -c Release --no-build --nologo \
    --logger "trx;LogFileName=Invoicing.FunctionsPlatformCheck.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
  echo "Functions platform check took $((SECONDS - started)) s; the stand-in host's output is in .build/functions-check/standin-output.txt."
else
  echo "Functions platform check skipped: ../shared/functions-worker-feed is not beside this clone (it runs in CI, where it is)."
fi

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1
fi
echo "$passed passed, $failed failed"
exit $status
