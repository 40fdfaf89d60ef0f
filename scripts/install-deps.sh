#!/usr/bin/env bash
# Installs everything the project needs to build, run and test, from Debian 12
# packages (and from npm: @bufbuild/buf for contract linting, echarts for the
# dashboard page, playwright-core to drive Debian's chromium in the browser
# test). Idempotent: packages already present are skipped, so a second run does
# no network work.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake git ca-certificates
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev libssl-dev
  libmysqlcppconn-dev mariadb-server mariadb-client
  libgtest-dev libgmock-dev libcli11-dev openssl
  golang-github-gogo-googleapis-dev
  python3 python3-grpcio python3-protobuf
  libcpp-httplib-dev pkg-config chromium fonts-wqy-microhei
  sysbench  # bench/perf.sh: the database baselines (oltp_point_select, oltp_insert)
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer, ASan and UBSan (clang-14 only recommends the runtime)
)

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node.js/npm fetch the npm packages below and run the browser test; a machine that already has
# npm (any source) keeps it.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_if_needed apt-get update -q
  # We never use a system-wide MariaDB: scripts/mariadb.sh runs a private one.
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The npm packages, as package-lock.json pins them, when any of them is missing. playwright-core
# never downloads a browser: the browser test drives Debian's /usr/bin/chromium.
npm_missing=()
for f in node_modules/.bin/buf node_modules/echarts/dist/echarts.min.js node_modules/playwright-core/package.json; do
  [ -e "$f" ] || npm_missing+=("$f")
done
if [ "${#npm_missing[@]}" -gt 0 ]; then
  echo "install-deps: installing npm packages (package-lock.json); missing: ${npm_missing[*]}" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
