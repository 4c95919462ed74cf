#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests, installing it with apt when it is missing.
# Browsers are never downloaded any other way. Fails with a clear message when it cannot be installed.
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
fail() {
  echo "ensure-chromium: $*" >&2
  echo "ensure-chromium: install Debian's chromium package (apt-get install chromium), or skip the browser tests with -Dskip.e2e=true" >&2
  exit 1
}
if [ ! -x "$CHROMIUM" ]; then
  command -v apt-get >/dev/null || fail "$CHROMIUM is missing and there is no apt-get to install it"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "$CHROMIUM is missing, and installing it needs root (no sudo here)"
    SUDO="sudo -n"
  fi
  echo "ensure-chromium: installing chromium with apt-get"
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || fail "apt-get install chromium failed"
  [ -x "$CHROMIUM" ] || fail "chromium was installed but $CHROMIUM is still missing"
fi
"$CHROMIUM" --headless --no-sandbox --disable-gpu --version 2>/dev/null || fail "$CHROMIUM is installed but does not start"
