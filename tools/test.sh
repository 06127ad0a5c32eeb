#!/usr/bin/env bash
# README command 2: set up, build and run every test: rules and server unit tests (GoogleTest),
# fuzz smoke runs (libFuzzer), the build-parity check and the browser tests (headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
tools/setup.sh
tools/build.sh all
echo "== unit, server and fuzz tests (ctest)"
(cd build && ctest --output-on-failure -j2)
echo "== same shared/ sources in both builds"
tests/build/same_sources_test.sh build build-web
echo "== browser tests (headless Chromium against uia serve --dev)"
tests/e2e/run.sh
echo "test: all passed in $(( $(date +%s) - started )) s"
