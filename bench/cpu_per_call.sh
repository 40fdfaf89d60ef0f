#!/usr/bin/env bash
# Where a call's CPU goes: CPU microseconds per call of crm-server and of
# MariaDB for each workload, next to the same for the baselines (a bare gRPC
# echo; sysbench's point select and insert). Throughput on this machine is
# bounded by CPU per call, so this table explains the ratios of bench/perf.sh
# in a way that does not depend on what else the machine is doing.
#
#   bench/cpu_per_call.sh [BUILD_DIR]     (default: build; ~2 minutes)
#
# A throwaway durable MariaDB with a small crm-datagen history (20,000
# projects), 16 calls in flight over 4 channels, 8 s per workload. CPU is read
# from /proc/PID/stat (user + system) before and after each workload, warm-up
# included, and divided by the calls made, warm-up included.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d /tmp/crm-cpu.XXXXXX)
server= echo_server=
cleanup() {
  for p in $server $echo_server; do kill "$p" 2>/dev/null || true; done
  scripts/mariadb.sh stop "$work/db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/tmp"
TMPDIR=$work/tmp scripts/mariadb.sh start "$work/db"
sql() { mariadb --no-defaults --protocol=socket --socket="$work/db/mysqld.sock" -uroot -N -B "$@"; }
sql -e "CREATE DATABASE crm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; CREATE DATABASE sbtest"
[ "$(sql -e 'SELECT @@innodb_flush_log_at_trx_commit')" = 1 ] || { echo "not durable: refusing" >&2; exit 1; }
"$build/bench/crm-datagen" --migrate --dsn="$(cat "$work/db/dsn")crm" --projects=20000 --enterprises=5000 \
  --leads=20000 >/dev/null
db_pid=$(cat "$work/db/mysqld.pid")
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
# us_per_call TICKS CALLS
us_per_call() { awk -v t="$1" -v n="$2" -v hz="$hz" 'BEGIN { printf "%.0f", n ? t / hz * 1e6 / n : 0 }'; }
printf '| workload | calls | calls/s | crm-server µs/call | MariaDB µs/call |\n|---|---:|---:|---:|---:|\n'

# One crm-load workload against the server at ADDR (PID): a table row.
load_row() {
  local addr=$1 pid=$2 workload=$3; shift 3
  local s0 d0 s1 d1 out calls rate
  s0=$(ticks "$pid"); d0=$(ticks "$db_pid")
  out=$("$build/bench/load/crm-load" --addr="$addr" --workloads="$workload" --concurrency=16 --channels=4 \
          --warmup_s=2 --duration_s=8 "$@")
  s1=$(ticks "$pid"); d1=$(ticks "$db_pid")
  # Calls: the measured ones plus the warm-up's (estimated at the measured rate).
  rate=$(sed -n 's/^load .*series=\*.* calls_per_s=\([0-9.]*\).*/\1/p' <<<"$out" | head -n 1)
  calls=$(awk -v r="$rate" 'BEGIN { printf "%.0f", r * 10 }')
  printf '| %s | %s | %.0f | %s | %s |\n' "$workload" "$calls" "$rate" "$(us_per_call $((s1 - s0)) "$calls")" \
    "$(us_per_call $((d1 - d0)) "$calls")"
}

"$build/bench/load/crm-echo-server" --listen=127.0.0.1:0 --port_file="$work/echo-port" 2>/dev/null &
echo_server=$!
for _ in $(seq 1 100); do [ -s "$work/echo-port" ] && break; sleep 0.1; done
load_row "127.0.0.1:$(cat "$work/echo-port")" "$echo_server" Echo

head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' >"$work/token"
CRM_DSN="$(cat "$work/db/app_dsn")crm" "$build/services/crm-server" --listen=127.0.0.1:0 --migrate=false \
  --port_file="$work/port" --bootstrap_token_file="$work/token" --rate_limit=0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [ -s "$work/port" ] && break; sleep 0.1; done
addr=127.0.0.1:$(cat "$work/port")
ids() { sql crm -e "SELECT CONCAT(MIN(id), ':', MAX(id)) FROM $1"; }
common=(--token_file="$work/token" --nonce=CPU1 --lead_ids="$(ids leads)" --project_ids="$(ids projects)")
for w in GetLead GetProject CreateLead; do load_row "$addr" "$server" "$w" "${common[@]}"; done

# sysbench: MariaDB's CPU per query (its client's is not counted, like crm-load's above).
sb=(--db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$(cat "$work/db/port")" --mysql-user=crm
    --mysql-password="$(cat "$work/db/password")" --mysql-db=sbtest --tables=1 --table-size=100000 --threads=16)
sysbench oltp_point_select "${sb[@]}" prepare >/dev/null
for t in oltp_point_select oltp_insert; do
  d0=$(ticks "$db_pid")
  out=$(sysbench "$t" "${sb[@]}" --time=8 run)
  d1=$(ticks "$db_pid")
  n=$(sed -n 's/^ *\(queries\|transactions\): *\([0-9]*\) .*/\1 \2/p' <<<"$out" | awk -v t="$t" '
        (t == "oltp_point_select" && $1 == "queries") || (t == "oltp_insert" && $1 == "transactions") { print $2 }')
  printf '| sysbench %s | %s | %.0f | | %s |\n' "$t" "$n" "$(awk -v n="$n" 'BEGIN { print n / 8 }')" \
    "$(us_per_call $((d1 - d0)) "$n")"
done
