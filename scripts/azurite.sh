#!/usr/bin/env bash
# Shared by the run and test scripts: install the pinned Azurite (npm ci) when the lock file changed.
# Sourced, not run.
kamflows_install_tools() {
  local stamp=node_modules/.kamflows-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ ! -x node_modules/.bin/azurite || ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    echo "Installing Azurite (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
}

# Waits until 127.0.0.1:$1 accepts connections, at most $2 seconds.
kamflows_wait_port() {
  local port=$1 deadline=$((SECONDS + $2))
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ((SECONDS > deadline)); then
      echo "Nothing answers on port $port after $2 s" >&2
      return 1
    fi
    sleep 0.2
  done
}

# Stops a process and its children, waiting at most 10 s (Azurite may linger after SIGTERM).
kamflows_stop() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}
