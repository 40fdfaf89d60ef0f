#!/usr/bin/env bash
# The dashboard benchmark, in one run: a throwaway MariaDB, crm-server (all services), and for
# each data size (10k, 100k, 1M projects by default) crm-datagen grows the data, then
# dashboard_bench measures the latency of every DashboardService RPC. Prints one table at the end.
#
#   bench/dashboard_bench.sh [BUILD_DIR]      BUILD_DIR defaults to build/
#
# Needs the built crm-server, crm-datagen and dashboard_bench:
#   cmake --build build --target crm-server crm-datagen dashboard_bench
# Environment:
#   STEPS   data sizes, each PROJECTS:ENTERPRISES:LEADS (default
#           "10000:1000:2000 100000:10000:20000 1000000:100000:200000")
#   CALLS   timed calls per RPC and size (default 300);  WARMUP  untimed calls first (default 20)
#   KEEP=1  keep the temporary directory (database, logs) instead of deleting it
#   SHOW=1  print each RPC's first answer at each size (what is being measured)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
steps=${STEPS:-"10000:1000:2000 100000:10000:20000 1000000:100000:200000"}
calls=${CALLS:-300}
warmup=${WARMUP:-20}

server_bin=$build/services/crm-server
datagen_bin=$build/bench/crm-datagen
client_bin=$build/bench/dashboard_bench
for b in "$server_bin" "$datagen_bin" "$client_bin"; do
  [ -x "$b" ] || { echo "dashboard_bench: $b is missing; build it: cmake --build $build --target crm-server crm-datagen dashboard_bench" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/crm-dashboard-bench.XXXXXX")
server=
stop_server() {
  if [ -n "$server" ]; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    server=
  fi
}
cleanup() {
  stop_server
  scripts/mariadb.sh stop "$work/db" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# 10000 → 10k, 1000000 → 1M.
label() {
  local n=$1
  if [ $((n % 1000000)) -eq 0 ]; then echo "$((n / 1000000))M"
  elif [ $((n % 1000)) -eq 0 ]; then echo "$((n / 1000))k"
  else echo "$n"; fi
}

scripts/mariadb.sh start "$work/db"
mariadb --no-defaults --protocol=socket --socket="$work/db/mysqld.sock" -uroot \
  -e 'CREATE DATABASE crm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
export CRM_MIGRATE_DSN="$(cat "$work/db/dsn")crm"  # the schema owner: migrations, and the generator
export CRM_DSN="$(cat "$work/db/app_dsn")crm"         # the server's own account
(umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' >"$work/admin-token")

# No rate limit: the client calls back to back, faster than the default 200 calls/s.
start_server() {
  rm -f "$work/port"
  "$server_bin" --listen=127.0.0.1:0 --port_file="$work/port" --bootstrap_token_file="$work/admin-token" \
    --services=leads,admin,enterprises,projects,dashboard --rate_limit=0 >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do [ -s "$work/port" ] && return 0; kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  echo "dashboard_bench: crm-server did not start; its log:" >&2; tail -n 20 "$work/server.log" >&2; exit 1
}

# The first start migrates the schema and registers the bootstrap token.
start_server
results=$work/results
: >"$results"
labels=()
for step in $steps; do
  IFS=: read -r projects enterprises leads <<<"$step"
  l=$(label "$projects"); labels+=("$l")
  echo "== $l: $projects projects, $enterprises enterprises, $leads leads" >&2
  # The server is stopped while the data grows: the rollup refill must not race project writes,
  # and a fresh process measures each size without caches from the smaller one.
  stop_server
  t=$(now)
  "$datagen_bin" --dsn="$CRM_MIGRATE_DSN" --projects="$projects" --enterprises="$enterprises" --leads="$leads" \
    | tee "$work/datagen-$l.log" >&2
  echo "step $l datagen_s $(elapsed "$t")" >>"$results"
  sed -n "s/^datagen: /datagen $l /p" "$work/datagen-$l.log" >>"$results"
  start_server
  # The machine's load when measuring: on a shared machine, other work moves the figures.
  echo "step $l load $(cut -d' ' -f1 /proc/loadavg)" >>"$results"
  t=$(now)
  "$client_bin" --addr="127.0.0.1:$(cat "$work/port")" --token_file="$work/admin-token" --label="$l" \
    --calls="$calls" --warmup="$warmup" --show="${SHOW:-0}" | tee "$work/client-$l.log" | grep -v '^bench ' >&2 || true
  grep '^bench ' "$work/client-$l.log" >>"$results" || true
  echo "step $l bench_s $(elapsed "$t")" >>"$results"
done
stop_server

# The table: RPC × size (p50 / p99 ms), the p50 ratio last/first size, and the targets.
first=${labels[0]}; last=${labels[${#labels[@]}-1]}
echo
awk -v labels="${labels[*]}" -v first="$first" -v last="$last" -v calls="$calls" '
  BEGIN { n = split(labels, L, " "); nr = 0 }
  $1 == "bench" { if (!($3 in seen)) { seen[$3] = 1; R[++nr] = $3 } p50[$3, $2] = $4; p99[$3, $2] = $5 }
  $1 == "datagen" { for (i = 3; i <= NF; i++) { split($i, kv, "="); dg[$2, kv[1]] = kv[2] } }
  $1 == "step" { st[$2, $3] = $4 }
  function cell(r, l) { return (r SUBSEP l) in p50 ? sprintf("%s / %s", fmt(p50[r, l]), fmt(p99[r, l])) : "-" }
  function fmt(v) { return v == "failed" ? "failed" : sprintf("%.2f", v) }
  END {
    printf "DashboardService latency, ms (p50 / p99 of %d sequential calls after warm-up)\n\n", calls
    printf "%-26s", "RPC"; for (i = 1; i <= n; i++) printf "  %-17s", L[i]; printf "  %-12s  %s\n", "p50 " last "/" first, "target"
    for (j = 1; j <= nr; j++) {
      r = R[j]; printf "%-26s", r
      for (i = 1; i <= n; i++) printf "  %-17s", cell(r, L[i])
      ratio = "-"
      if (p50[r, first] + 0 > 0 && p50[r, last] != "failed") ratio = sprintf("%.2f", p50[r, last] / p50[r, first])
      target = ""
      if (r == "GetPipelineSummary" || r == "GetUnitScoreboard") {
        ok = p50[r, last] != "failed" && p50[r, last] + 0 <= 10 && ratio != "-" && ratio + 0 <= 1.5
        target = sprintf("p50 <= 10 ms at %s, ratio <= 1.5: %s", last, ok ? "met" : "NOT met")
      }
      printf "  %-12s  %s\n", ratio, target
    }
    printf "\nPer step: rows the generator added, its rows/s over the whole load, the rollup refill,\n"
    printf "the step'"'"'s wall times, and the 1-minute load average when the calls began\n\n"
    printf "%-6s %10s %10s %10s %12s %10s %6s\n", "size", "rows", "rows/s", "refill s", "datagen s", "bench s", "load"
    for (i = 1; i <= n; i++) {
      l = L[i]
      printf "%-6s %10s %10s %10s %12s %10s %6s\n", l, dg[l, "rows"], dg[l, "rows_per_s"], dg[l, "refill_s"],
             st[l, "datagen_s"], st[l, "bench_s"], st[l, "load"]
    }
  }' "$results"
