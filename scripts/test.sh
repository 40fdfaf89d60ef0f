#!/usr/bin/env bash
# The test command: installs what is missing, builds, and runs every test layer
# with ctest (unit, storage, service, end-to-end, contract lint, faults). ctest
# itself starts a throwaway MariaDB on a free port for the tests that need one
# and stops it afterwards. Exits non-zero when anything fails.
#
# Randomised tests print their seed; CRM_TEST_SEED=N reruns one with seed N.
# At the end the 15 slowest tests are listed, so that growth is visible, and
# ctest's summary is repeated as the last lines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
log=Testing/ctest-output.log
mkdir -p Testing
status=0
ctest --output-on-failure --timeout 600 "$@" 2>&1 | tee "$log" || status=$?
echo
echo "The 15 slowest tests:"
# ctest's result lines: "  12/372 Test  #12: name ........   Passed    3.04 sec"
awk '/ Test +#[0-9]+: / { for (i = 1; i < NF; i++) if ($(i + 1) == "sec") printf "%9.2f s  %s\n", $i, $4 }' "$log" |
  sort -rn | head -15
echo
grep -E '^[0-9]+% tests passed|^Total Test time' "$log" || true
exit "$status"
