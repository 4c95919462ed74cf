#!/usr/bin/env bash
# Installs the MCP servers the MCP tests talk to (pinned in scripts/mcp-servers/package.json) into
# build/mcp/node_modules, once. Needs Node and npm; prints the install folder.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TARGET="$ROOT/build/mcp"
BIN="$TARGET/node_modules/@modelcontextprotocol"
if [ -f "$BIN/server-everything/package.json" ] && [ -f "$BIN/server-filesystem/package.json" ] \
   && cmp -s "$ROOT/scripts/mcp-servers/package.json" "$TARGET/package.json"; then
  echo "$TARGET"
  exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to install the MCP test servers" >&2; exit 2; }
mkdir -p "$TARGET"
cp "$ROOT/scripts/mcp-servers/package.json" "$TARGET/package.json"
if [ -f "$ROOT/scripts/mcp-servers/package-lock.json" ]; then
  cp "$ROOT/scripts/mcp-servers/package-lock.json" "$TARGET/package-lock.json"
  (cd "$TARGET" && npm ci --no-audit --no-fund --loglevel=error >&2)
else
  (cd "$TARGET" && npm install --no-audit --no-fund --loglevel=error >&2)
  cp "$TARGET/package-lock.json" "$ROOT/scripts/mcp-servers/package-lock.json"
fi
echo "$TARGET"
