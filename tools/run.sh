#!/usr/bin/env bash
# README command 1: set up, build and run the platform locally: REST API + web client at
# http://127.0.0.1:8080/ in dev mode (simulators on) over an embedded SQLite file.
# UIA_PROFILE=hubei picks the province profile (jilin, hubei, shandong, hainan, gongshang).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh all
port=${UIA_PORT:-8080}
profile=${UIA_PROFILE:-jilin}
echo "run: open http://127.0.0.1:${port}/  (profile ${profile}; Ctrl+C stops)"
exec build/uia serve --dev --port "$port" --db "sqlite:${UIA_DB:-uia.db}" --profile "$profile"
