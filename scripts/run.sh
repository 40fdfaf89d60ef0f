#!/usr/bin/env bash
# The run command: installs what is missing, builds, starts a private MariaDB
# (data in .local/mariadb, kept between runs), creates the `crm` database,
# loads demo data (and a synthetic history) on first start, and runs crm-server in the foreground on
# 127.0.0.1:50051, with crm-web (the leadership dashboard page) on
# 127.0.0.1:8080. Ctrl-C stops them and the database.
#
#   scripts/run.sh [crm-server flags...]     e.g. --listen=0.0.0.0:50051 --services=leads
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

state=.local
mkdir -p "$state"
scripts/mariadb.sh start "$state/mariadb"
stop_db() { scripts/mariadb.sh stop "$state/mariadb"; }
trap stop_db EXIT

mariadb --no-defaults --protocol=socket --socket="$state/mariadb/mysqld.sock" -uroot \
  -e 'CREATE DATABASE IF NOT EXISTS crm CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
export CRM_MIGRATE_DSN="$(cat "$state/mariadb/dsn")crm"  # the schema owner, for migrations
export CRM_DSN="$(cat "$state/mariadb/app_dsn")crm"         # the server's own, narrower account

# The bootstrap administrator's token: made once, readable by this user only.
token_file="$state/admin-token"
if [ ! -s "$token_file" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' >"$token_file")
fi

rm -f "$state/port"
build/services/crm-server --bootstrap_token_file="$token_file" --port_file="$state/port" "$@" &
server=$!
trap 'kill -TERM $server 2>/dev/null || true' INT TERM

for _ in $(seq 1 100); do [ -s "$state/port" ] && break; kill -0 $server 2>/dev/null || break; sleep 0.1; done
[ -s "$state/port" ] || { echo "run: crm-server did not start" >&2; exit 1; }
port=$(cat "$state/port")
# Demo data, through the API; request ids are fixed, so a rerun adds nothing.
build/clients/demo/crm-demo-data --addr="127.0.0.1:$port" --token_file="$token_file"
# Once: a synthetic history for the dashboard (20 units, 5 years, ~3,000 projects; bench/datagen),
# written directly with its rollups refilled; the server keeps them up to date from then on.
if [ ! -e "$state/synthetic-history" ]; then
  build/bench/crm-datagen --projects=3000 --enterprises=600 --leads=1500 \
    --leadership_token_file="$state/leadership-token" >"$state/datagen.log"
  touch "$state/synthetic-history"
fi

# The leadership dashboard page; each viewer logs in with their own token.
rm -f "$state/web-port"
build/clients/web/crm-web --listen=127.0.0.1:8080 --crm_address="127.0.0.1:$port" --port_file="$state/web-port" &
web=$!
trap 'kill -TERM $server $web 2>/dev/null || true' INT TERM
for _ in $(seq 1 100); do [ -s "$state/web-port" ] && break; kill -0 $web 2>/dev/null || break; sleep 0.1; done
[ -s "$state/web-port" ] || echo "run: crm-web did not start (is port 8080 taken?)" >&2
cat >&2 <<MSG

crm-server is serving on port $port (Ctrl-C to stop).
  admin token:  $token_file   (send it as  authorization: Bearer <token>)
  dashboard:    http://127.0.0.1:8080/   (log in with the token in $token_file, or as leadership
                with the one in $state/leadership-token)
  list methods: node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge --list-methods http://127.0.0.1:$port
  list leads:   node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge \\
                  -H "authorization: Bearer \$(cat $token_file)" -d '{}' http://127.0.0.1:$port/crm.v1.LeadService/ListLeads
MSG
wait $server || true
wait $server 2>/dev/null || true
kill -TERM $web 2>/dev/null || true
wait $web 2>/dev/null || true
