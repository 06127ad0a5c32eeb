#!/usr/bin/env bash
# Starts `build/uia serve --dev` on a fresh SQLite database with per-address limits lifted and
# runs the hostile soak (tools/soak/soak.mjs) against it; the exit status is the soak's (1: a
# request without an answer within the deadline or a 5xx), or 2 when the server died.
# Usage: tools/soak/run.sh [soak.mjs options, e.g. --requests 100000 --clients 16]
# UIA_BIN picks another server binary (default build/uia); UIA_SOAK_DB another database (e.g. the
# URL tools/mariadb.sh start prints; default a fresh SQLite file).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${UIA_BIN:-build/uia}
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# The soak signs in, registers and sends SMS codes far more often than one person would; the
# sign-in and SMS limits and the request budgets would turn most of its requests into 429s. Argon2 runs at libsodium's
# minimum cost (dev mode only): the soak measures whether every request is answered, not how
# many password hashes two cores draw per second (tools/bench does that).
cat >"$work/config.json" <<'JSON'
{"limits": {"login_per_ip_per_minute": 10000000, "login_max_failures": 10000000,
            "sms_per_ip_per_hour": 10000000, "sms_per_hour": 10000000, "sms_per_day": 10000000,
            "sms_resend_seconds": 0,
            "request_budgets": {"captcha": {"per_ip_per_minute": 0, "per_minute": 0},
              "sms_send": {"per_ip_per_minute": 0, "per_minute": 0}, "sign_in": {"per_ip_per_minute": 0, "per_minute": 0},
              "registration": {"per_ip_per_minute": 0, "per_minute": 0},
              "activation": {"per_ip_per_minute": 0, "per_minute": 0},
              "recovery": {"per_ip_per_minute": 0, "per_minute": 0},
              "oidc_authorize": {"per_ip_per_minute": 0, "per_minute": 0}}},
 "argon2": {"t": 1, "m_kib": 64}}
JSON
"$bin" serve --dev --port 0 --db "${UIA_SOAK_DB:-sqlite:$work/soak.db}" --config "$work/config.json" --workers 4 \
  >"$work/server.log" 2>&1 &
server_pid=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'listening on http://[^/]*/' "$work/server.log" | sed 's/listening on //' || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 2; }
  sleep 0.1
done
[ -n "$url" ] || { echo "soak: the server did not start"; cat "$work/server.log"; exit 2; }
status=0
node tools/soak/soak.mjs --url "$url" "$@" || status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "soak: the server died"; tail -20 "$work/server.log"; exit 2
fi
exit $status
