#!/usr/bin/env bash
# Quarterly review fan-out benchmark (opt-in): builds Release, then runs the Benchmark-trait class
# ReviewBenchmarks on the run's in-memory Azurite: 10,000 account plans seeded straight into storage,
# the quarter's timer fired, timed until every review is opened (instance, task, email in the
# development mailbox); then, side by side, a smaller portfolio with several plans per message, one
# plan per message, and the bare drain of as many no-op messages. Prints the results and leaves them
# in .artifacts/bench-reviews.md. Usage: scripts/bench-reviews.sh [plans, default 10000] [comparison plans, default 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
kamflows_install_tools
out=$PWD/.artifacts/bench-reviews.md
mkdir -p .artifacts && rm -f "$out"

dotnet build KamFlows.sln -c Release --nologo -clp:ErrorsOnly
KAMFLOWS_BENCH_OUT=$out KAMFLOWS_BENCH_PLANS=${1:-10000} KAMFLOWS_BENCH_COMPARE=${2:-1000} \
  dotnet test --project tests/KamFlows.App.Tests -c Release --no-build -- \
  --filter-class "KamFlows.App.Tests.Reviews.ReviewBenchmarks" --output detailed || {
  echo "benchmark failed; rerun the dotnet test line above to see why" >&2; exit 1; }
cat "$out"
