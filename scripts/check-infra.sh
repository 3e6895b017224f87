#!/usr/bin/env bash
# Offline checks of the deployment files: Bicep build and lint (no warning allowed), Bicep
# formatting, parameters JSON, the generated timer list, and the hook scripts (bash -n, and
# ShellCheck when it is installed). Needs dotnet and the NuGet registry once, to restore the Bicep CLI
# (scripts/bicep.sh: package Azure.Bicep.CommandLine.linux-x64 into .artifacts/bicep); nothing else goes online.
#
# Usage: scripts/check-infra.sh
#   KAMFLOWS_CHECK_API_AGE=1 scripts/check-infra.sh   also flag API versions older than two years
#   (off by default: its verdict changes with the calendar, not with the code).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

bicep="$(scripts/bicep.sh)"
echo "Using $("$bicep" --version)"

# Run a bicep command; any diagnostic it prints (warning or error) is a failure.
run_bicep() {
  local label="$1"
  shift
  local output
  if ! output="$("$bicep" "$@" 2>&1 >/dev/null)"; then
    fail "$label"
  fi
  if [[ -n "$output" ]]; then
    echo "$output" >&2
    fail "$label reported diagnostics"
  fi
}

config_backup=""
if [[ "${KAMFLOWS_CHECK_API_AGE:-0}" == "1" ]]; then
  # A temporary bicepconfig.json turning on use-recent-api-versions; removed on exit.
  [[ -e infra/bicepconfig.json ]] && config_backup="$(mktemp)" && cp infra/bicepconfig.json "$config_backup"
  cat >infra/bicepconfig.json <<'JSON'
{ "analyzers": { "core": { "rules": { "use-recent-api-versions": { "level": "warning", "maxAgeInDays": 730 } } } } }
JSON
fi
restore_config() {
  if [[ "${KAMFLOWS_CHECK_API_AGE:-0}" == "1" ]]; then
    rm -f infra/bicepconfig.json
    [[ -n "$config_backup" ]] && mv "$config_backup" infra/bicepconfig.json
  fi
  return 0
}

echo "bicep build infra/main.bicep"
run_bicep "bicep build" build infra/main.bicep --stdout

for file in infra/main.bicep infra/app/*.bicep; do
  echo "bicep lint $file"
  run_bicep "bicep lint $file" lint "$file"
done
restore_config

for file in infra/main.bicep infra/app/*.bicep; do
  if ! "$bicep" format "$file" --stdout | diff -u "$file" - >/dev/null; then
    fail "$file is not formatted (run: bicep format $file)"
  fi
done

for file in infra/main.parameters.json infra/timer-functions.json infra/timer-silence.json; do
  python3 -m json.tool "$file" >/dev/null || fail "$file is not valid JSON"
done

# azure.yaml points at files that exist.
while IFS= read -r path; do
  [[ -e "$path" ]] || fail "azure.yaml refers to $path, which does not exist"
done < <(sed -n -e 's/^ *project: *//p' -e 's/^ *run: *bash *//p' azure.yaml)

echo "infra/timer-functions.sh --check"
infra/timer-functions.sh --check || fail "infra/timer-functions.json is stale"

for script in infra/hooks/*.sh infra/timer-functions.sh scripts/check-infra.sh scripts/bicep.sh; do
  [[ -e "$script" ]] || continue
  bash -n "$script" || fail "bash -n $script"
  if command -v shellcheck >/dev/null; then
    shellcheck "$script" || fail "shellcheck $script"
  fi
done
command -v shellcheck >/dev/null || echo "note: shellcheck not installed; scripts got bash -n only"

if ((failures > 0)); then
  echo "check-infra: $failures check(s) failed" >&2
  exit 1
fi
echo "check-infra: all checks passed"
