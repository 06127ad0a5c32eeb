#!/usr/bin/env bash
# Installs everything UIA needs to build, run and test, from Debian's archive and the npm
# registry only. Idempotent: a second run with everything present takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

packages=(
  build-essential cmake pkg-config dpkg-dev git ca-certificates
  clang libclang-rt-14-dev
  libgtest-dev libgmock-dev
  libpistache-dev nlohmann-json3-dev libsodium-dev libssl-dev libqrencode-dev zlib1g-dev libcurl4-openssl-dev
  libsoci-dev libsoci-sqlite3-4.0 libsoci-mysql4.0 libsqlite3-dev libmariadb-dev mariadb-server
  emscripten nodejs
  fonts-wqy-microhei python3-fonttools golang-github-mozillazg-go-pinyin-dev
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm ships inside nodesource's nodejs; Debian's own nodejs needs the separate npm package.
command -v npm >/dev/null 2>&1 || missing+=(npm)

# Dear ImGui's sources come from Debian's source package: that needs a deb-src entry that
# mirrors the machine's existing Debian entry.
src_list=/etc/apt/sources.list.d/uia-deb-src.sources
need_update=0
if [ ! -f "$src_list" ]; then
  $SUDO tee "$src_list" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

if [ ${#missing[@]} -gt 0 ] || [ $need_update -eq 1 ]; then
  echo "setup: installing ${missing[*]:-(deb-src index)}"
  $SUDO apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# Dear ImGui 1.86 sources (Debian's libimgui-dev has headers only).
imgui_dir="$root/third_party/imgui"
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  echo "setup: fetching Dear ImGui sources (apt-get source imgui)"
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -qq --download-only imgui >/dev/null && dpkg-source -x --no-check ./imgui_*.dsc imgui-src >/dev/null)
  mkdir -p "$imgui_dir"
  cp -r "$tmp"/imgui-src/. "$imgui_dir"/
  rm -rf "$tmp"
fi

# playwright-core for the browser tests (the browser itself is Debian's chromium).
if [ ! -d "$root/tests/e2e/node_modules/playwright-core" ]; then
  echo "setup: npm ci (tests/e2e)"
  (cd "$root/tests/e2e" && { [ -f package-lock.json ] && npm ci --no-audit --no-fund --silent || npm install --no-audit --no-fund --silent; })
fi
echo "setup: ok"
