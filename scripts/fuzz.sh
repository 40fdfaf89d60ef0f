#!/usr/bin/env bash
# Fuzzes the services' request validation with libFuzzer (tests/faults/fuzz):
# builds the targets with clang, AddressSanitizer and UBSan
# (tests/faults/fuzz/CMakeLists.txt) and runs each for SECONDS, starting from
# the kept corpus (tests/faults/fuzz/corpus/TARGET).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]    # default: all, 60 s each
#   scripts/fuzz.sh leads_validation 3600     # an hour on one target
#
# TARGET: leads_validation enterprises_validation projects_validation
# dashboard_validation admin_validation. The build and what a run finds stay
# in $CRM_FUZZ_BUILD_DIR (default build-fuzz/): new inputs in corpus/TARGET
# (never written into the repository), a crash's input in crashes/. A crash
# makes the script exit 1: fix it at its root, then keep the input as a
# regression seed (cp build-fuzz/crashes/TARGET-crash-… tests/faults/fuzz/corpus/TARGET/crash-<what>).
# Exits 77 when clang cannot build libFuzzer targets (scripts/install-deps.sh
# installs clang and libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."

all=(leads_validation enterprises_validation projects_validation dashboard_validation admin_validation)
which_targets=${1:-all}
seconds=${2:-60}
build=${CRM_FUZZ_BUILD_DIR:-build-fuzz}
jobs=${CRM_FUZZ_JOBS:-2}
if [ "$which_targets" = all ]; then targets=("${all[@]}"); else targets=("$which_targets"); fi
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz.sh: unknown target $t (one of: ${all[*]})" >&2; exit 2; }
done

cxx=${CRM_FUZZ_CXX:-clang++}
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' \
  >"$probe/probe.cc"
if ! command -v "$cxx" >/dev/null 2>&1 ||
   ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe/probe.cc" -o "$probe/probe" >/dev/null 2>&1; then
  echo "fuzz.sh: $cxx cannot build libFuzzer targets; scripts/install-deps.sh installs clang and libclang-rt-14-dev" >&2
  exit 77
fi

generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
mkdir -p "$build"
build_targets=()
for t in "${targets[@]}"; do build_targets+=(--target "${t}_fuzz"); done
if ! { [ -f "$build/CMakeCache.txt" ] ||
       cmake -S tests/faults/fuzz -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx"; } >"$build/build.log" 2>&1 ||
   ! cmake --build "$build" -j"$jobs" "${build_targets[@]}" >>"$build/build.log" 2>&1; then
  echo "fuzz.sh: building the fuzz targets failed; $build/build.log:" >&2
  tail -30 "$build/build.log" >&2
  exit 1
fi

failed=0
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/crashes"
  log="$build/$t.log"
  # Up to 20 kB per input: enough to cross every text limit (notes: 10,000 characters).
  if "$build/${t}_fuzz" -max_total_time="$seconds" -max_len=20000 -timeout=10 -rss_limit_mb=2048 \
      -dict=tests/faults/fuzz/requests.dict -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" \
      "$build/corpus/$t" "tests/faults/fuzz/corpus/$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    added=$(sed -n 's/^stat::new_units_added: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz.sh: $t: ${runs:-?} runs in ${seconds}s, $cov, ${added:-0} new inputs (in $build/corpus/$t), no crash"
  else
    failed=1
    echo "fuzz.sh: $t FAILED; its log: $log; the input: $build/crashes/" >&2
    grep -E 'ERROR|requirement failed|unexpected status|SUMMARY|Test unit written' "$log" | head -20 >&2 || true
  fi
done
exit "$failed"
