#!/usr/bin/env bash
# README command 2: set up, build and run every test: rules and server tests (GoogleTest, with
# the in-process REST suite), fuzz smoke runs (libFuzzer), the build-parity check, the browser
# tests (headless Chromium) and the REST flows on SQLite and on a private MariaDB.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
tools/setup.sh
tools/build.sh all
echo "== unit, server and fuzz tests (ctest)"
(cd build && ctest --output-on-failure -j2)
echo "== same shared/ sources in both builds"
tests/build/same_sources_test.sh build build-web
echo "== browser and REST flow tests (headless Chromium against uia serve --dev, SQLite)"
tests/e2e/run.sh
echo "== the same on MariaDB (a private server on 127.0.0.1, tools/mariadb.sh)"
mysql_url=$(tools/mariadb.sh start)
trap 'tools/mariadb.sh stop' EXIT
UIA_TEST_MYSQL_URL=$mysql_url build/tests/server/uia_server_tests --gtest_filter='Mysql*:Rest*'
UIA_E2E_DB=$mysql_url UIA_E2E_TESTS="rest_flows.test.mjs" tests/e2e/run.sh
echo "test: all passed in $(( $(date +%s) - started )) s"
