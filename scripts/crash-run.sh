#!/usr/bin/env bash
# Opt-in long run of the crash-injection harness: N injections (default 200) at save points and
# occurrences drawn at random, the app run as a separate process (Release) on an in-memory Azurite,
# every invariant checked after each. LANES apps (default 2, each on storage of its own) share the
# injections side by side. Adds the injections that fired to the tally in docs/BENCHMARKS.md
# ("crash injections so far: N") with a line for this run.
# Usage: scripts/crash-run.sh [injections] [seed] [lanes]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
kamflows_install_tools
injections=${1:-200}
seed=${2:-$RANDOM}
lanes=${3:-2}
result=$(mktemp)
trap 'rm -f "$result"' EXIT

dotnet build KamFlows.sln -c Release --nologo -clp:ErrorsOnly
started=$SECONDS
KAMFLOWS_CRASH_INJECTIONS=$injections KAMFLOWS_CRASH_SEED=$seed KAMFLOWS_CRASH_LANES=$lanes KAMFLOWS_CRASH_RESULT=$result \
  dotnet test --project tests/KamFlows.App.Tests -c Release --no-build -- \
  --filter-method "*Many_crashes_at_random_save_points_and_occurrences_keep_every_invariant"
elapsed=$((SECONDS - started))

read -r fired missed rest < "$result" || true  # the file has no final newline
doc=docs/BENCHMARKS.md
before=$(sed -n 's/^crash injections so far: \([0-9]*\).*/\1/p' "$doc")
total=$((${before:-0} + fired))
sed -i "s/^crash injections so far: [0-9]*/crash injections so far: $total/" "$doc"
echo "- $(date -u +%Y-%m-%d): \`scripts/crash-run.sh $injections $seed $lanes\`: $fired injected ($missed drawn past the last occurrence, not counted), all invariants held, ${elapsed} s; $rest" >> "$doc"
echo "fired $fired, missed $missed in ${elapsed} s; tally now $total"
