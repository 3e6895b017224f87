#!/usr/bin/env bash
# Command 1: runs KamFlows locally on a fresh machine. Installs the pinned Azurite, starts it on its
# usual ports (10000 blob, 10001 queue, 10002 table) with its data in .azurite/, then the app in
# Development on http://localhost:7071: development sign-in (POST /dev/token), the OpenAPI UI
# (/scalar), and the local timer and queue loops standing in for the Functions host.
# Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
kamflows_install_tools

mkdir -p .azurite
if (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  echo "Azurite (or something) already listens on 10002; using it."
else
  node_modules/.bin/azurite --location .azurite --debug .azurite/debug.log --skipApiVersionCheck --disableTelemetry --silent \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
  azurite_pid=$!
  trap 'kamflows_stop $azurite_pid' EXIT
  kamflows_wait_port 10000 30 && kamflows_wait_port 10001 30 && kamflows_wait_port 10002 30
  echo "Azurite is up (data in .azurite/)."
fi

ASPNETCORE_ENVIRONMENT=Development dotnet run --project functions/KamFlows.App --urls "${KAMFLOWS_URLS:-http://localhost:7071}"
