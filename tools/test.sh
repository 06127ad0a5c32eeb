#!/usr/bin/env bash
# README command 2: set up, build and run every test: rules and server tests (GoogleTest, with
# the in-process REST suite), fuzz smoke runs (libFuzzer), the build-parity check, the browser
# tests (headless Chromium) and the REST flows on SQLite and on a private MariaDB.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
phase() { echo "== $1 (at $(( $(date +%s) - started )) s)"; }
tools/setup.sh
# Tests need no debug information; a build/ configured before keeps its own choice.
UIA_DEBUG_INFO=${UIA_DEBUG_INFO:-OFF} tools/build.sh all
# The REST suite on MariaDB is bound by MariaDB's DDL, not by the CPU: its two shards (each test
# makes its own database) run beside ctest and the browser tests instead of after them.
phase "REST suite on MariaDB started beside the rest (a private server on 127.0.0.1, tools/mariadb.sh)"
mysql_url=$(tools/mariadb.sh start)
shard_logs=$(mktemp -d)
shard_pids=()
trap 'kill "${shard_pids[@]}" 2>/dev/null || true; tools/mariadb.sh stop' EXIT
for shard in 0 1; do
  UIA_TEST_MYSQL_URL=$mysql_url GTEST_TOTAL_SHARDS=2 GTEST_SHARD_INDEX=$shard \
    build/tests/server/uia_server_tests --gtest_filter='Mysql*:Rest*' >"$shard_logs/$shard.log" 2>&1 &
  shard_pids+=($!)
done
phase "unit, server and fuzz tests (ctest)"
(cd build && ctest --output-on-failure -j2)
phase "hostile soak: 5,000 requests at every documented operation, 5 s deadline (tools/soak)"
tools/soak/run.sh --requests 5000 --clients 4
phase "same shared/ sources in both builds"
tests/build/same_sources_test.sh build build-web
phase "browser and REST flow tests (headless Chromium against uia serve --dev, SQLite), first-frame benchmark"
UIA_E2E_JOBS=2 UIA_FIRST_FRAME_BENCH=1 tests/e2e/run.sh
phase "waiting for the REST suite on MariaDB"
shards_ok=1
for pid in "${shard_pids[@]}"; do wait "$pid" || shards_ok=0; done
shard_pids=()
for shard in 0 1; do tail -3 "$shard_logs/$shard.log"; done
if [ $shards_ok -eq 0 ]; then
  for shard in 0 1; do grep -E "^\[  FAILED|Failure" -A8 "$shard_logs/$shard.log" | head -80 || true; done
  echo "FAIL: REST suite on MariaDB"
  exit 1
fi
phase "browser REST flows on MariaDB"
UIA_E2E_DB=$mysql_url UIA_E2E_TESTS="rest_flows.test.mjs" tests/e2e/run.sh
echo "test: all passed in $(( $(date +%s) - started )) s"
