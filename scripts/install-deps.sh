#!/usr/bin/env bash
# Installs everything the project needs to build, run and test, from Debian 12
# packages (and npm's @bufbuild/buf for contract linting). Idempotent: packages
# already present are skipped, so a second run does no network work.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake git ca-certificates
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev libssl-dev
  libmysqlcppconn-dev mariadb-server mariadb-client
  libgtest-dev libgmock-dev libcli11-dev openssl
  golang-github-gogo-googleapis-dev
  python3 python3-grpcio python3-protobuf
)

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node.js/npm only to fetch buf; a machine that already has npm (any source) keeps it.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_if_needed apt-get update -q
  # We never use a system-wide MariaDB: scripts/mariadb.sh runs a private one.
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -x node_modules/.bin/buf ]; then
  echo "install-deps: installing buf from npm (package-lock.json)" >&2
  npm ci --no-audit --no-fund --loglevel=error
fi
