#!/usr/bin/env bash
# Pareto benchmark (opt-in): builds Release, then runs the Benchmark-trait class ParetoBenchmarks,
# whose fixture starts an in-memory Azurite on free ports: (a) the classification of 10,000
# accounts × 12 quarters computed alone, its time and allocations; (b) GET /api/portfolio/pareto
# through the app (in process) against a bare query of the same 120,000 rows, interleaved in the same
# run. Prints the results and leaves them in .artifacts/bench-pareto.md.
# Usage: scripts/bench-pareto.sh [runs, default 7]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
kamflows_install_tools
out=$PWD/.artifacts/bench-pareto.md
mkdir -p .artifacts && rm -f "$out"

dotnet build KamFlows.sln -c Release --nologo -clp:ErrorsOnly
KAMFLOWS_BENCH_OUT=$out KAMFLOWS_BENCH_RUNS=${1:-7} \
  dotnet test --project tests/KamFlows.App.Tests -c Release --no-build -- \
  --filter-class "KamFlows.App.Tests.Portfolio.ParetoBenchmarks" >/dev/null || {
  echo "benchmark failed; rerun the dotnet test line above to see why" >&2; exit 1; }
cat "$out"
