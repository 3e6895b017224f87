#!/usr/bin/env bash
# Import benchmark (opt-in): builds Release, then runs the Benchmark-trait class ImportBenchmarks, whose
# fixture starts an in-memory Azurite on free ports: 100,000 sales lines imported from a CSV and from an
# .xlsx by the app (in process), beside a bare batch insert of the same rows into the same Azurite,
# in the same run; rows/s and peak working set. Prints the results and leaves them in .artifacts/bench-imports.md.
# Usage: scripts/bench-imports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
kamflows_install_tools
out=$PWD/.artifacts/bench-imports.md
mkdir -p .artifacts && rm -f "$out"

dotnet build KamFlows.sln -c Release --nologo -clp:ErrorsOnly
KAMFLOWS_BENCH_OUT=$out \
  dotnet test --project tests/KamFlows.App.Tests -c Release --no-build -- \
  --filter-class "KamFlows.App.Tests.ErpImports.ImportBenchmarks" >/dev/null || {
  echo "benchmark failed; rerun the dotnet test line above to see why" >&2; exit 1; }
cat "$out"
