#!/usr/bin/env bash
# The performance run (issue 8), in one command, on one throwaway MariaDB:
#   1. crm-datagen grows synthetic data to PROJECTS projects (1M by default);
#   2. baselines: sysbench oltp_point_select and oltp_insert (durable commits), LOAD DATA LOCAL
#      INFILE of IMPORT_ROWS enterprises into a scratch copy of the enterprises table, and
#      crm-echo-server driven by crm-load (bare gRPC);
#   3. crm-server (every service), and crm-load's workloads against it, then dashboard_bench;
#   4. the server's peak RSS (VmHWM), and one table: each figure, its baseline, the ratio, the target.
#
#   bench/perf.sh [BUILD_DIR]        BUILD_DIR defaults to build/
#
# Needs the built crm-server, crm-datagen, dashboard_bench, crm-load and crm-echo-server:
#   cmake --build build --target crm-server crm-datagen dashboard_bench crm-load crm-echo-server
# and sysbench (scripts/install-deps.sh installs it). About 8 minutes on 2 cores, most of it the
# 1M-project load. Environment:
#   DURATION, WARMUP   measured and warm-up seconds of each workload (10, 2)
#   CONCURRENCY        calls in flight, and sysbench threads (16); CHANNELS (4)
#   PROJECTS ENTERPRISES LEADS   data size (1000000 100000 200000)
#   IMPORT_ROWS        rows for LOAD DATA and ImportEnterprises (20000)
#   DEEP_PAGE          the ListProjects page compared with page 1 (5000, of 50 rows)
#   RESULTS=FILE       also write the results as Markdown to FILE (e.g. bench/RESULTS.md)
#   PERF_RECORD=SECS   record the server with `perf record -g` for SECS s during GetLead (to BUILD_DIR/perf.data)
#   KEEP=1             keep the temporary directory (database, logs, every output)
# Never changes innodb_flush_log_at_trx_commit (MariaDB's default, 1: durable commits); it checks it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
duration=${DURATION:-10}
warmup=${WARMUP:-2}
concurrency=${CONCURRENCY:-16}
channels=${CHANNELS:-4}
projects=${PROJECTS:-1000000}
enterprises=${ENTERPRISES:-100000}
leads=${LEADS:-200000}
import_rows=${IMPORT_ROWS:-20000}
deep_page=${DEEP_PAGE:-5000}

server_bin=$build/services/crm-server
datagen_bin=$build/bench/crm-datagen
dashboard_bin=$build/bench/dashboard_bench
load_bin=$build/bench/load/crm-load
echo_bin=$build/bench/load/crm-echo-server
for b in "$server_bin" "$datagen_bin" "$dashboard_bin" "$load_bin" "$echo_bin"; do
  [ -x "$b" ] || { echo "perf: $b is missing; build it: cmake --build $build --target crm-server crm-datagen dashboard_bench crm-load crm-echo-server" >&2; exit 2; }
done
command -v sysbench >/dev/null || { echo "perf: sysbench is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/crm-perf.XXXXXX")
server= echo_server=
stop_pid() {  # stops the process whose pid is in variable $1
  local pid=${!1}
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  printf -v "$1" '%s' ''
}
cleanup() {
  stop_pid server
  stop_pid echo_server
  scripts/mariadb.sh stop "$work/db" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "perf: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

figures=$work/figures  # "KEY VALUE" lines, rendered at the end
: >"$figures"
fig() { echo "$1 $2" >>"$figures"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
step() { echo "== $*" >&2; }
run_start=$(now)
# CPU accounting, so that other work on the (shared) machine shows in the results: at a mark,
# the machine's busy CPU seconds, mariadbd's, crm-server's, and those of this script's finished
# children (sysbench, crm-load, crm-echo-server once stopped), as `cpu_MARK busy db server children`.
clk=$(getconf CLK_TCK)
proc_cpu() {  # PID: its user+system CPU seconds (0 when there is none)
  if [ -n "$1" ] && [ -r "/proc/$1/stat" ]; then
    awk -v c="$clk" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / c }' "/proc/$1/stat"
  else echo 0; fi
}
cpu_mark() {
  local busy children
  busy=$(awk -v c="$clk" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / c }' /proc/stat)
  times >"$work/times"  # in this shell: a subshell's `times` would not count this shell's children
  children=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } printf "%.2f", t }' "$work/times")
  fig "cpu_$1" "$(now) $busy $(proc_cpu "$(cat "$work/db/mysqld.pid" 2>/dev/null)") $(proc_cpu "$server") $children"
}
# How this run was asked for: the knobs set in the environment, and the arguments.
knobs=
for v in DURATION WARMUP CONCURRENCY CHANNELS PROJECTS ENTERPRISES LEADS IMPORT_ROWS DEEP_PAGE SB_TABLE_SIZE RESULTS \
         PERF_RECORD; do
  [ -z "${!v:-}" ] || knobs+="$v=${!v} "
done
fig command "${knobs}bench/perf.sh $*"
# What was measured: the repository's commit (and whether services/ or storage/ differ from it),
# and when the server binary was built.
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
  git diff --quiet HEAD -- services storage || commit+=" (with local changes in services/ or storage/)"
else
  commit=unknown
fi
fig commit "$commit"
fig server_built "$(date -u -r "$server_bin" +%Y-%m-%dT%H:%MZ)"

# --- the database ------------------------------------------------------------------------------
step "MariaDB (throwaway, $work/db)"
# Its temporary files in the run's directory, not in a /tmp that other jobs clean (mariadbd takes
# its tmpdir from $TMPDIR).
mkdir -p "$work/tmp"
TMPDIR=$work/tmp scripts/mariadb.sh start "$work/db"
sql() { mariadb --no-defaults --protocol=socket --socket="$work/db/mysqld.sock" -uroot -N -B "$@"; }
sql -e "CREATE DATABASE crm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE DATABASE sbtest; CREATE DATABASE bench_scratch CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
flush=$(sql -e 'SELECT @@innodb_flush_log_at_trx_commit')
[ "$flush" = 1 ] || { echo "perf: innodb_flush_log_at_trx_commit is $flush, not 1: refusing to measure" >&2; exit 1; }
fig flush_log_at_trx_commit "$flush"
fig buffer_pool_mb "$(sql -e 'SELECT @@innodb_buffer_pool_size DIV 1048576')"
[ "$(sql -e 'SELECT @@tmpdir')" = "$work/tmp" ] || echo "perf: MariaDB's tmpdir is $(sql -e 'SELECT @@tmpdir')" >&2
owner_dsn=$(cat "$work/db/dsn")
export CRM_MIGRATE_DSN="${owner_dsn}crm"
export CRM_DSN="$(cat "$work/db/app_dsn")crm"
db_port=$(cat "$work/db/port")
db_password=$(cat "$work/db/password")

# --- 1. data -----------------------------------------------------------------------------------
step "crm-datagen: $projects projects, $enterprises enterprises, $leads leads"
t=$(now)
"$datagen_bin" --migrate --dsn="$CRM_MIGRATE_DSN" --projects="$projects" --enterprises="$enterprises" \
  --leads="$leads" | tee "$work/datagen.log" >&2
fig datagen_s "$(since "$t")"
sed -n 's/^datagen: //p' "$work/datagen.log" | tr ' ' '\n' | sed -n 's/^\(rows\|rows_per_s\|load_s\|refill_s\)=/datagen_\1 /p' >>"$figures"

# --- 2. baselines ------------------------------------------------------------------------------
step "sysbench oltp_point_select and oltp_insert, $concurrency threads, $duration s each"
sb=(--db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$db_port" --mysql-user=crm
    --mysql-password="$db_password" --mysql-db=sbtest --tables=1 --table-size="${SB_TABLE_SIZE:-100000}")
t=$(now)
sysbench oltp_point_select "${sb[@]}" prepare >"$work/sysbench-prepare.log"
cpu_mark baselines_start
# "queries: N (X per sec.)", "transactions: …", "99th percentile: X" (ms).
sysbench_figure() {  # LOG PREFIX
  awk -v p="$2" '
    /queries:/ { gsub(/[()]/, ""); print p "_qps", $3 }
    /transactions:/ { gsub(/[()]/, ""); print p "_tps", $3 }
    /99th percentile:/ { print p "_p99_ms", $3 }' "$1" >>"$figures"
}
# Each test: an untimed warm-up run (sysbench 1.0 has no --warmup-time), then the measured one.
sysbench_run() {  # TEST LOG
  sysbench "$1" "${sb[@]}" --threads="$concurrency" --time="$warmup" run >/dev/null
  sysbench "$1" "${sb[@]}" --threads="$concurrency" --time="$duration" --percentile=99 run >"$2"
}
sysbench_run oltp_point_select "$work/sysbench-point-select.log"
sysbench_figure "$work/sysbench-point-select.log" sb_point_select
sysbench_run oltp_insert "$work/sysbench-insert.log"
sysbench_figure "$work/sysbench-insert.log" sb_insert
fig sysbench_s "$(since "$t")"
sql -e 'DROP DATABASE sbtest'

step "LOAD DATA LOCAL INFILE of $import_rows enterprises into a scratch copy of the table"
alphabet=0123456789ABCDEFGHJKLMNPQRTUWXY
nonce=
for _ in 1 2 3 4; do nonce+=${alphabet:$((RANDOM % 31)):1}; done
"$load_bin" --write_enterprise_csv="$work/enterprises.csv" --import_rows="$import_rows" --nonce="$nonce"
sql -e 'CREATE TABLE bench_scratch.enterprises LIKE crm.enterprises'
# Timed by the server, without the client's start: one statement, one durable transaction.
load_us=$(sql --local-infile=1 bench_scratch -e "
  SET @t = NOW(6);
  LOAD DATA LOCAL INFILE '$work/enterprises.csv' INTO TABLE enterprises CHARACTER SET utf8mb4
    FIELDS TERMINATED BY ',' ENCLOSED BY '\"' LINES TERMINATED BY '\n'
    (uscc, company_name, former_names_json, founded_date, registered_capital_cny, legal_representative, address,
     in_zone, industry, industry_division, listed, tags_json)
    SET create_time = UTC_TIMESTAMP(6), update_time = UTC_TIMESTAMP(6);
  SELECT TIMESTAMPDIFF(MICROSECOND, @t, NOW(6));")
loaded=$(sql -e 'SELECT COUNT(*) FROM bench_scratch.enterprises')
[ "$loaded" = "$import_rows" ] || { echo "perf: LOAD DATA loaded $loaded rows, not $import_rows" >&2; exit 1; }
fig load_data_rows "$loaded"
fig load_data_s "$(awk -v us="$load_us" 'BEGIN { printf "%.3f", us / 1e6 }')"
fig load_data_rows_per_s "$(awk -v n="$loaded" -v us="$load_us" 'BEGIN { printf "%.0f", n / (us / 1e6) }')"
sql -e 'DROP DATABASE bench_scratch'

step "bare gRPC: crm-echo-server driven by crm-load"
rm -f "$work/echo-port"
"$echo_bin" --listen=127.0.0.1:0 --port_file="$work/echo-port" 2>"$work/echo.log" &
echo_server=$!
for _ in $(seq 1 100); do [ -s "$work/echo-port" ] && break; sleep 0.1; done
[ -s "$work/echo-port" ] || { echo "perf: crm-echo-server did not start" >&2; cat "$work/echo.log" >&2; exit 1; }
"$load_bin" --addr="127.0.0.1:$(cat "$work/echo-port")" --workloads=Echo --concurrency="$concurrency" \
  --channels="$channels" --warmup_s="$warmup" --duration_s="$duration" | tee "$work/echo-load.log" | grep -v '^load ' >&2
grep '^load ' "$work/echo-load.log" >>"$figures"
stop_pid echo_server
cpu_mark baselines_end

# --- 3. crm-server -----------------------------------------------------------------------------
step "crm-server and crm-load's workloads"
(umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' >"$work/admin-token")
rm -f "$work/port"
# No rate limit: crm-load calls back to back, far above the default 200 calls/s per principal.
"$server_bin" --listen=127.0.0.1:0 --port_file="$work/port" --bootstrap_token_file="$work/admin-token" \
  --rate_limit=0 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do [ -s "$work/port" ] && break; kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
[ -s "$work/port" ] || { echo "perf: crm-server did not start; its log:" >&2; tail -n 20 "$work/server.log" >&2; exit 1; }
addr=127.0.0.1:$(cat "$work/port")
lead_ids=$(sql crm -e 'SELECT CONCAT(MIN(id), ":", MAX(id)) FROM leads')
project_ids=$(sql crm -e 'SELECT CONCAT(MIN(id), ":", MAX(id)) FROM projects')

recorder=
if [ -n "${PERF_RECORD:-}" ]; then
  # A profile of the server during GetLead (the first workload), once its warm-up is under way.
  (sleep "$((warmup + 1))"; perf record -g -o "$work/perf.data" -p "$server" -- sleep "$PERF_RECORD" \
     >"$work/perf-record.log" 2>&1) &
  recorder=$!
fi
t=$(now)
cpu_mark workloads_start
"$load_bin" --addr="$addr" --token_file="$work/admin-token" --label=server --nonce="$nonce" \
  --workloads="GetLead,GetProject,ListProjects,ListProjectsDeepPage@1,GetPipelineSummary,CreateLead,AdvanceProjectStage,ImportEnterprises@1" \
  --concurrency="$concurrency" --channels="$channels" --warmup_s="$warmup" --duration_s="$duration" \
  --lead_ids="$lead_ids" --project_ids="$project_ids" --deep_page="$deep_page" --import_rows="$import_rows" \
  | tee "$work/server-load.log" | grep -v '^load ' >&2 || echo "perf: crm-load reported failures (see above)" >&2
grep '^load ' "$work/server-load.log" >>"$figures" || true
cpu_mark workloads_end
fig workloads_s "$(since "$t")"
[ -z "$recorder" ] || wait "$recorder" || true

step "dashboard_bench (sequential calls)"
"$dashboard_bin" --addr="$addr" --token_file="$work/admin-token" --label=dash --calls=100 --warmup=10 \
  | tee "$work/dashboard.log" | grep -v '^bench ' >&2 || true
grep '^bench ' "$work/dashboard.log" >>"$figures" || true

# --- 4. peak memory, the table -------------------------------------------------------------------
fig server_vmhwm_kb "$(awk '/^VmHWM:/ { print $2 }' "/proc/$server/status")"
fig server_vmrss_kb "$(awk '/^VmRSS:/ { print $2 }' "/proc/$server/status")"
stop_pid server
fig total_s "$(since "$run_start")"
fig date "$(date -u +%Y-%m-%dT%H:%MZ)"
fig nproc "$(nproc)"
fig cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
fig concurrency "$concurrency"
fig duration_s "$duration"
fig projects "$projects"
fig import_rows "$import_rows"
fig deep_page "$deep_page"
if [ -f "$work/perf.data" ]; then cp "$work/perf.data" "$build/perf.data"; echo "perf: profile in $build/perf.data" >&2; fi

awk -f bench/load/results.awk "$figures" | tee "$work/RESULTS.md"
if [ -n "${RESULTS:-}" ]; then cp "$work/RESULTS.md" "$RESULTS"; echo "perf: wrote $RESULTS" >&2; fi
