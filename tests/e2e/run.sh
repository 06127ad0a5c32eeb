#!/usr/bin/env bash
# Starts `uia serve --dev` on a free loopback port with a throw-away SQLite file, runs every
# tests/e2e/*.test.mjs against it (headless Debian chromium via playwright-core), stops it.
# Screenshots land in build/screenshots/.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
work=$(mktemp -d)
log="$work/serve.log"
build/uia serve --dev --port 0 --db "sqlite:$work/e2e.db" --web-root build-web/web 2>"$log" &
server=$!
cleanup() { kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
url=""
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -1 || true)
  [ -n "$url" ] && curl -fsS "${url}healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
[ -n "$url" ] || { echo "FAIL: uia serve did not start"; cat "$log"; exit 1; }
export UIA_URL="$url" UIA_BIN="$top/build/uia" UIA_SCREENSHOTS="$top/build/screenshots"
mkdir -p "$UIA_SCREENSHOTS"
failed=0
for t in tests/e2e/*.test.mjs; do
  echo "-- $t"
  if ! node "$t"; then failed=1; echo "FAIL: $t"; fi
done
[ $failed -eq 0 ] || { echo "--- server log"; tail -50 "$log"; exit 1; }
