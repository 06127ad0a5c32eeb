#!/usr/bin/env bash
# Builds both halves from the one CMake project: native (build/) and WebAssembly (build-web/).
# Usage: tools/build.sh [native|web|all]   (default all)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
jobs=${UIA_JOBS:-2}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

if [ "$what" = all ] || [ "$what" = native ]; then
  start=$(date +%s)
  # UIA_DEBUG_INFO=OFF (tools/test.sh) leaves out -g: a quarter less build time.
  [ -f build/CMakeCache.txt ] || cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DUIA_DEBUG_INFO="${UIA_DEBUG_INFO:-ON}" >/dev/null
  cmake --build build -j"$jobs"
  echo "build: native done in $(( $(date +%s) - start )) s"
fi
if [ "$what" = all ] || [ "$what" = web ]; then
  start=$(date +%s)
  [ -f build-web/CMakeCache.txt ] || emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build-web -j"$jobs"
  echo "build: web done in $(( $(date +%s) - start )) s"
fi
