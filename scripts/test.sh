#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test layer
# with ctest (unit, storage, service, end-to-end, contract lint). ctest itself
# starts a throwaway MariaDB on a free port for the tests that need one and
# stops it afterwards. Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure --timeout 600 "$@"
