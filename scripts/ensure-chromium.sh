#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests, with a font for Chinese and Japanese text
# (the tests switch the UI to 中文), installing them with apt when they are missing. Browsers are never downloaded
# any other way. Fails with a clear message when they cannot be installed.
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
fail() {
  echo "ensure-chromium: $*" >&2
  echo "ensure-chromium: install Debian's chromium package (apt-get install chromium), or skip the browser tests with -Dskip.e2e=true" >&2
  exit 1
}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  missing+=(fonts-wqy-microhei)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null || fail "${missing[*]} missing and there is no apt-get to install them"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "${missing[*]} missing, and installing needs root (no sudo here)"
    SUDO="sudo -n"
  fi
  echo "ensure-chromium: installing ${missing[*]} with apt-get"
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null ||
    fail "apt-get install ${missing[*]} failed"
  [ -x "$CHROMIUM" ] || fail "chromium was installed but $CHROMIUM is still missing"
fi
"$CHROMIUM" --headless --no-sandbox --disable-gpu --version 2>/dev/null || fail "$CHROMIUM is installed but does not start"
