#!/usr/bin/env bash
# Starts `uia serve --dev` on a free loopback port with a throw-away SQLite file, runs every
# tests/e2e/*.test.mjs against it (headless Debian chromium via playwright-core), stops it.
# Screenshots land in build/screenshots/.
#   UIA_E2E_DB=mysql://...   run on that database instead of SQLite
#   UIA_E2E_TESTS="a b"      run only these test files (names under tests/e2e/)
#   UIA_E2E_JOBS=2           run two test files at a time
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
work=$(mktemp -d)
build/uia keygen "$work/e2e.keys" >/dev/null
log="$work/serve.log"
db=${UIA_E2E_DB:-sqlite:$work/e2e.db}
# A three-second SMS resend interval keeps the flow tests short, and the countdown stays on
# screen long enough to be seen on a loaded machine (one second was not); the in-process REST
# suite covers the real 60-second limit. Every test's browsers come from 127.0.0.1, so the per-IP
# limits and request budgets (covered by the REST suite too) would count all of them as one client.
# Back-channel logout goes out for real (the http adapter, not the dev simulator), so the
# business system of oidc_rp.test.mjs receives the logout tokens at its own endpoint.
# One upstream identity provider, "国家政务服务平台": an off-the-shelf OpenID Connect provider
# (oidc-provider) that upstream_login.test.mjs starts on its own port, so the browser walks
# the real round trip (button → upstream login → back signed in). Both ports are chosen here
# because each side's config names the other's URL.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
up_port=$(free_port)
while [ "$up_port" = "$port" ]; do up_port=$(free_port); done
up="http://127.0.0.1:$up_port"
cat > "$work/config.json" <<JSON
{"limits": {"sms_resend_seconds": 3, "sms_per_ip_per_hour": 100000, "login_per_ip_per_minute": 100000,
   "request_budgets": {"captcha": {"per_ip_per_minute": 0}, "sms_send": {"per_ip_per_minute": 0},
     "sign_in": {"per_ip_per_minute": 0}, "registration": {"per_ip_per_minute": 0}, "activation": {"per_ip_per_minute": 0},
     "recovery": {"per_ip_per_minute": 0}, "oidc_authorize": {"per_ip_per_minute": 0}}},
 "oidc": {"backchannel_logout": {"adapter": "http"}},
 "upstream": {"providers": [{"name": "national", "display_name": "国家政务服务平台",
   "issuer": "$up", "authorization_endpoint": "$up/auth", "token_endpoint": "$up/token",
   "jwks_uri": "$up/jwks", "userinfo_endpoint": "$up/me",
   "client_id": "uia-province", "client_secret": "e2e-national-secret", "scope": "openid uia_id",
   "redirect_uri": "http://127.0.0.1:$port/api/v1/upstream/national/callback",
   "authorization_response_iss_parameter_supported": true, "timeout_ms": 5000}]}}
JSON
build/uia serve --dev --port "$port" --db "$db" --config "$work/config.json" --keys "$work/e2e.keys" --web-root build-web/web 2>"$log" &
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
export UIA_UPSTREAM_URL="$up" UIA_UPSTREAM_CLIENT_ID=uia-province UIA_UPSTREAM_CLIENT_SECRET=e2e-national-secret
export UIA_URL="$url" UIA_BIN="$top/build/uia" UIA_SCREENSHOTS="$top/build/screenshots" UIA_SMS_RESEND_SECONDS=3
# The server's database and keys, for tests that prepare data the way operators do
# (`uia import persons` of accounts from an earlier system).
export UIA_DB_URL="$db" UIA_KEYS_FILE="$work/e2e.keys"
mkdir -p "$UIA_SCREENSHOTS"
failed=0
tests=${UIA_E2E_TESTS:-$(cd tests/e2e && ls *.test.mjs)}
# UIA_E2E_JOBS tests at a time (default 1): they spend much of their time waiting on the page,
# so two share two cores well. Each test's output is printed whole when it ends.
jobs_max=${UIA_E2E_JOBS:-1}
declare -A running=()
finish_one() {
  local pid
  wait -n -p pid "${!running[@]}" && status=0 || status=$?
  local name=${running[$pid]}
  unset "running[$pid]"
  cat "$work/$name.out"
  if [ "$status" -ne 0 ]; then failed=1; echo "FAIL: tests/e2e/$name"; fi
}
for name in $tests; do
  [ "$name" = none ] && continue
  while [ ${#running[@]} -ge "$jobs_max" ]; do finish_one; done
  echo "-- tests/e2e/$name (started)"
  node "tests/e2e/$name" >"$work/$name.out" 2>&1 &
  running[$!]=$name
done
while [ ${#running[@]} -gt 0 ]; do finish_one; done
# The first-frame benchmark against the same server (prints numbers; fails only if the page
# never draws): UIA_FIRST_FRAME_BENCH=1, with UIA_E2E_TESTS=none to run it alone.
if [ "${UIA_FIRST_FRAME_BENCH:-0}" = 1 ] && [ $failed -eq 0 ]; then
  node tools/bench/first_frame.mjs || { failed=1; echo "FAIL: tools/bench/first_frame.mjs"; }
fi
[ $failed -eq 0 ] || { echo "--- server log"; tail -50 "$log"; exit 1; }
