#!/usr/bin/env bash
# Installs what the tests need (Node tools: Azurite and an SMTP server; Debian's Chromium, poppler-utils, libfaketime, a JDK
# with Saxon-HE and xmllint), builds Invoicing.sln (the Functions app included, from the registry's packages) and runs
# every test project of it: unit, Functions app, Azurite integration, CLI end-to-end, web API, browser and
# infrastructure tests, then the Functions platform check where the stand-in Functions host
# (../shared/tools/functions-host-standin) sits beside the clone. Ends with "N passed, N failed".
# TEST_COVERAGE=1 also collects coverage (cobertura) into TestResults/.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

scripts/ensure-node-tools.sh || exit 1
scripts/ensure-browser.sh || exit 1
scripts/ensure-poppler.sh || exit 1
scripts/ensure-faketime.sh || exit 1
scripts/ensure-java-saxon.sh || exit 1

results="$root/TestResults"
rm -rf "$results"
echo "Building Invoicing.sln …"
if ! dotnet build Invoicing.sln -c Release --nologo -v quiet -clp:ErrorsOnly; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

coverage=()
if [[ "${TEST_COVERAGE:-0}" == "1" ]]; then
  coverage=(--collect "XPlat Code Coverage")
fi

# Each test project of the solution in turn, each with its own TRX file (named after the project, so two projects
# finishing in the same second cannot overwrite each other's results). The platform check runs on its own below.
status=0
for project in $(grep -o 'tests\\[^"]*Tests\.csproj' Invoicing.sln | tr '\\' '/'); do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "${coverage[@]}" || status=1
done

# The Functions platform check: the Functions app built from the registry in a package folder of its own and run in
# the real worker under the stand-in host (tests/Invoicing.FunctionsPlatformCheck). The stand-in is the one thing
# that comes from ../shared: CI has it beside the clone, a user's clone does not.
if [[ -d "$root/../shared/tools/functions-host-standin" ]]; then
  echo "Functions platform check (the app in the real worker under ../shared/tools/functions-host-standin) …"
  started=$SECONDS
  dotnet test tests/Invoicing.FunctionsPlatformCheck/Invoicing.FunctionsPlatformCheck.csproj -c Release --no-build --nologo \
    --logger "trx;LogFileName=Invoicing.FunctionsPlatformCheck.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
  echo "Functions platform check took $((SECONDS - started)) s; the stand-in host's output is in .build/functions-check/standin-output.txt."
  cat .build/functions-check/cold-start.txt 2>/dev/null || true
else
  echo "Functions platform check skipped: ../shared/tools/functions-host-standin is not beside this clone (it runs in CI, where it is)."
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
