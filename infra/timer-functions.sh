#!/usr/bin/env bash
# Regenerates infra/timer-functions.json: one entry {name, maxSilenceMinutes} per function whose
# functions/KamFlows.App/<name>/function.json has a timerTrigger binding. main.bicep loads the
# file, and infra/app/alerts.bicep creates one "timer has not run" alert per entry, so a timer
# added later gets its alert at the next `azd provision` (azure.yaml runs this script first).
#
# How long a timer may stay silent comes from infra/timer-silence.json ({"<name>": minutes});
# a timer missing there gets DEFAULT_SILENCE_MINUTES and a warning. A value above 2880 (two
# days, the longest log alert window) means "not watched" (e.g. a quarterly job).
#
# Usage: infra/timer-functions.sh           write the file
#        infra/timer-functions.sh --check   fail when the file is out of date
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-write}"

python3 - "$root" "$mode" <<'PY'
import glob, json, os, sys

root, mode = sys.argv[1], sys.argv[2]
DEFAULT_SILENCE_MINUTES = 15
out_path = os.path.join(root, "infra", "timer-functions.json")
with open(os.path.join(root, "infra", "timer-silence.json"), encoding="utf-8") as f:
    silence = json.load(f)

timers = []
for path in sorted(glob.glob(os.path.join(root, "functions", "KamFlows.App", "*", "function.json"))):
    with open(path, encoding="utf-8-sig") as f:
        bindings = json.load(f).get("bindings", [])
    if any(str(b.get("type", "")).lower() == "timertrigger" for b in bindings):
        name = os.path.basename(os.path.dirname(path))
        if name not in silence:
            print(f"warning: timer {name} has no entry in infra/timer-silence.json; "
                  f"alerting after {DEFAULT_SILENCE_MINUTES} minutes of silence", file=sys.stderr)
        timers.append({"name": name, "maxSilenceMinutes": int(silence.get(name, DEFAULT_SILENCE_MINUTES))})

text = json.dumps(timers, indent=2) + "\n"
if mode == "--check":
    current = open(out_path, encoding="utf-8").read() if os.path.exists(out_path) else ""
    if current != text:
        print("infra/timer-functions.json is out of date: run infra/timer-functions.sh", file=sys.stderr)
        sys.exit(1)
else:
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"infra/timer-functions.json: {len(timers)} timer function(s)")
PY
