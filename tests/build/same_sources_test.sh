#!/usr/bin/env bash
# Proves the design card's promise: every shared/ rules source is compiled, from the same file
# (no copies), into both the native server build and the WebAssembly client build.
# Usage: same_sources_test.sh NATIVE_BUILD_DIR WEB_BUILD_DIR
set -euo pipefail
native=$1/compile_commands.json
web=$2/compile_commands.json
top=$(cd "$(dirname "$0")/../.." && pwd)
for f in "$native" "$web"; do [ -f "$f" ] || { echo "FAIL: $f missing"; exit 1; }; done
list() { grep -o '"file": *"[^"]*"' "$1" | sed 's/.*"file": *"//; s/"$//' | grep "^$top/shared/" | sort -u; }
native_files=$(list "$native")
web_files=$(list "$web")
count=$(echo "$native_files" | grep -c . || true)
[ "$count" -gt 0 ] || { echo "FAIL: no shared/ sources in the native build"; exit 1; }
if [ "$native_files" != "$web_files" ]; then
  echo "FAIL: the two builds compile different shared/ sources"
  diff <(echo "$native_files") <(echo "$web_files") || true
  exit 1
fi
# No copy of a rules source anywhere else in the tree.
for f in $native_files; do
  name=$(basename "$f")
  copies=$(find "$top/web" "$top/server" -name "$name" 2>/dev/null | wc -l)
  [ "$copies" -eq 0 ] || { echo "FAIL: a copy of $name outside shared/"; exit 1; }
done
echo "ok: both builds compile the same $count shared/ sources"
