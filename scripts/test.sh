#!/usr/bin/env bash
# Command 2: runs every default test on a fresh machine, with nothing running beforehand. Installs
# the pinned Azurite; the test fixtures start their own Azurite in memory on free ports and stop it.
# Also checks formatting and the Bicep templates. Benchmarks and long runs are opt-in (see
# docs/BENCHMARKS.md): they carry the test categories Benchmark and LongRun, filtered out here.
# The browser tests drive Debian's Chromium with Playwright: it is installed here when missing (apt-get,
# as root; see scripts/chromium.sh), and each test run starts one headless browser of its own.
# The deployment tests run here too: they compile infra/main.bicep (scripts/bicep.sh) and publish the
# app once as azd does (category Package, about a minute, part of this default suite).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
# shellcheck source=scripts/chromium.sh
source scripts/chromium.sh
kamflows_install_tools
kamflows_install_chromium

dotnet build KamFlows.sln -c Release --nologo -clp:ErrorsOnly
dotnet format KamFlows.sln --verify-no-changes --no-restore
scripts/check-infra.sh
dotnet test --solution KamFlows.sln -c Release --no-build \
  --filter-not-trait "Category=Benchmark" --filter-not-trait "Category=LongRun" "$@"
