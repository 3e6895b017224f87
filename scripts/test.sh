#!/usr/bin/env bash
# Command 2: runs every default test. Installs the pinned Azurite (npm ci); the test fixtures start
# their own Azurite in memory on free ports and stop it afterwards, so nothing needs to be running.
# Benchmarks and long runs are opt-in: scripts/bench.sh, scripts/crash-run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x node_modules/.bin/azurite ]] || ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet build KamFlows.sln -c Release -warnaserror --nologo -clp:ErrorsOnly
dotnet format KamFlows.sln --verify-no-changes --no-restore
dotnet test --solution KamFlows.sln -c Release --no-build --filter-not-trait "Category=Benchmark" --filter-not-trait "Category=LongRun" "$@"
