#!/usr/bin/env bash
# Engine benchmark (opt-in): builds Release, then runs the Benchmark-trait class EngineBenchmarks,
# whose fixture starts an in-memory Azurite on free ports and which runs the Release app as a
# separate process on it: (a) raw storage rates of the calls a transition makes, (b) events/s for
# 1,000 engine checks × 10 pings over HTTP and through the queue, the time to start 10,000 instances,
# (c) storage calls per event on each path (counted in-process). Prints the results and leaves them
# in .artifacts/bench-engine.md. Usage: scripts/bench-engine.sh [starts, default 10000]
# KAMFLOWS_BENCH_QUEUE_SECONDS / KAMFLOWS_BENCH_START_SECONDS cap the queue drain and the starts (default 900 s).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
kamflows_install_tools
out=$PWD/.artifacts/bench-engine.md
mkdir -p .artifacts && rm -f "$out"

dotnet build KamFlows.sln -c Release --nologo -clp:ErrorsOnly
KAMFLOWS_BENCH_OUT=$out KAMFLOWS_BENCH_STARTS=${1:-10000} \
  dotnet test --project tests/KamFlows.App.Tests -c Release --no-build -- \
  --filter-class "KamFlows.App.Tests.Engine.EngineBenchmarks" --output detailed || {
  echo "benchmark failed; rerun the dotnet test line above to see why" >&2; exit 1; }
cat "$out"
