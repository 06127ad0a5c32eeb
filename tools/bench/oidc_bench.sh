#!/usr/bin/env bash
# The OIDC provider's token endpoint and userinfo against oidc-provider (npm, from
# tests/e2e/node_modules) on this machine, in one run; prints req/s, p50, p99, the ratios and
# whether the 3x target is met. Builds nothing: needs build/oidc_bench
# (cmake --build build --target oidc_bench) and node. Arguments go to oidc_bench, e.g.
#   tools/bench/oidc_bench.sh --seconds 5 --connections 16 [--only code|userinfo|refresh]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$top/build/oidc_bench" ] || { echo "oidc_bench.sh: build it first: cmake --build build --target oidc_bench" >&2; exit 2; }
[ -f "$top/tests/e2e/node_modules/oidc-provider/package.json" ] || { echo "oidc_bench.sh: tests/e2e/node_modules has no oidc-provider" >&2; exit 2; }
exec "$top/build/oidc_bench" --peer "$top/tools/bench/oidc_provider_peer.mjs" "$@"
