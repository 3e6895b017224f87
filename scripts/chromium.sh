#!/usr/bin/env bash
# Shared by the test script: installs Debian's Chromium (and its driver) for the browser tests when it
# is missing. Playwright drives it by its executable path and never downloads a browser (browser
# downloads fail here). Sourced, not run.
kamflows_install_chromium() {
  local chromium=${KAMFLOWS_CHROMIUM:-/usr/bin/chromium}
  if [[ -x $chromium ]]; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "The browser tests need Chromium at $chromium and apt-get is not here to install it." >&2
    echo "Install Debian's chromium and chromium-driver (or any Chromium) and set KAMFLOWS_CHROMIUM to its executable." >&2
    return 1
  fi
  local as_root=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "The browser tests need Chromium: run 'apt-get install -y chromium chromium-driver' as root, then this script again." >&2
      return 1
    fi
  fi
  echo "Installing Chromium for the browser tests (apt-get install chromium chromium-driver)..."
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  [[ -x $chromium ]] || { echo "apt-get finished but there is no Chromium at $chromium." >&2; return 1; }
}
