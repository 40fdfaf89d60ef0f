#!/usr/bin/env bash
# A private MariaDB in its own data directory, never the system-wide one.
#
#   scripts/mariadb.sh start DIR [PORT]   initialise DIR if new, start on PORT (default: a free
#                                         port), wait until it accepts connections, create the
#                                         `crm` account; writes DIR/port and DIR/dsn
#   scripts/mariadb.sh stop DIR           stop the instance (no-op if not running)
#   scripts/mariadb.sh dsn DIR            print the DSN of the running instance
#
# Two accounts, with passwords random per data directory:
#   DIR/dsn      mysql://crm:PASSWORD@127.0.0.1:PORT/      the schema owner: creates databases
#                                                          and runs migrations (tests make one
#                                                          database each)
#   DIR/app_dsn  mysql://crm_app:PASSWORD@127.0.0.1:PORT/  what crm-server runs as: only the
#                                                          role crm_app, whose table rights the
#                                                          migrations grant (no DELETE, and the
#                                                          audit log is append-only)
set -euo pipefail

cmd=${1:-}; dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { sed -n '2,12p' "$0" >&2; exit 2; }
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
sock="$dir/mysqld.sock"; pidfile="$dir/mysqld.pid"

client() { mariadb --no-defaults --protocol=socket --socket="$sock" -uroot "$@"; }
running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
# The secret stored in FILE, made (random, 0600) on first use.
secret() {
  [ -s "$1" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' 'xy' >"$1")
  cat "$1"
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A random port below the kernel's ephemeral range (ip_local_port_range), from
# 10000 up: no outgoing connection and no bind to port 0 is ever given one, so
# a port stays ours while a test has killed its MariaDB and starts it again on
# the same port. (Found by running the suite twice at once: a restart found
# its port taken by another process's ephemeral socket.)
random_port() {
  local low=32768
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  echo $((10000 + RANDOM % (low - 10000)))
}

start() {
  local port=${1:-}
  if running; then echo "mariadb: already running in $dir on port $(cat "$dir/port")" >&2; return 0; fi
  local as_user=(); [ "$(id -u)" -eq 0 ] && as_user=(--user=root)
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --no-defaults "${as_user[@]}" --datadir="$dir/data" \
      --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 \
      || { cat "$dir/install.log" >&2; exit 1; }
  fi
  local tries=0
  while :; do
    tries=$((tries + 1))
    local p=${port:-$(random_port)}
    if port_free "$p"; then
      mariadbd --no-defaults "${as_user[@]}" --datadir="$dir/data" --socket="$sock" \
        --pid-file="$pidfile" --log-error="$dir/error.log" --port="$p" --bind-address=127.0.0.1 \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
        --innodb-buffer-pool-size=256M --max-connections=500 --skip-name-resolve \
        >/dev/null 2>&1 &
      local pid=$!
      for _ in $(seq 1 300); do
        if client -e 'SELECT 1' >/dev/null 2>&1; then echo "$p" >"$dir/port"; break 2; fi
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    fi
    if [ -n "$port" ] || [ "$tries" -ge 10 ]; then
      echo "mariadb: could not start in $dir (port ${port:-random}); see $dir/error.log" >&2
      tail -n 20 "$dir/error.log" >&2 2>/dev/null || true
      exit 1
    fi
  done
  local pw app_pw
  pw=$(secret "$dir/password")
  app_pw=$(secret "$dir/app_password")
  client <<SQL
CREATE USER IF NOT EXISTS 'crm'@'127.0.0.1' IDENTIFIED BY '$pw';
ALTER USER 'crm'@'127.0.0.1' IDENTIFIED BY '$pw';
GRANT ALL PRIVILEGES ON *.* TO 'crm'@'127.0.0.1' WITH GRANT OPTION;
CREATE ROLE IF NOT EXISTS crm_app;
GRANT crm_app TO 'crm'@'127.0.0.1' WITH ADMIN OPTION;
CREATE USER IF NOT EXISTS 'crm_app'@'127.0.0.1' IDENTIFIED BY '$app_pw';
ALTER USER 'crm_app'@'127.0.0.1' IDENTIFIED BY '$app_pw';
GRANT crm_app TO 'crm_app'@'127.0.0.1';
SET DEFAULT ROLE crm_app FOR 'crm_app'@'127.0.0.1';
SQL
  (umask 077; echo "mysql://crm:$pw@127.0.0.1:$(cat "$dir/port")/" >"$dir/dsn")
  (umask 077; echo "mysql://crm_app:$app_pw@127.0.0.1:$(cat "$dir/port")/" >"$dir/app_dsn")
  echo "mariadb: running in $dir on 127.0.0.1:$(cat "$dir/port")" >&2
}

stop() {
  running || { echo "mariadb: not running in $dir" >&2; return 0; }
  local pid; pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || { echo "mariadb: stopped" >&2; return 0; }; sleep 0.1; done
  echo "mariadb: did not stop in 30 s, killing" >&2; kill -9 "$pid" 2>/dev/null || true
}

case "$cmd" in
  start) start "${3:-}" ;;
  stop) stop ;;
  dsn) running && cat "$dir/dsn" || { echo "mariadb: not running in $dir" >&2; exit 1; } ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
