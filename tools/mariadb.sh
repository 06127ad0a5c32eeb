#!/usr/bin/env bash
# A private MariaDB for tests, on 127.0.0.1 only, data under build/mariadb/ (never the system
# instance). Usage:
#   tools/mariadb.sh start   # prints the URL: mysql://root@127.0.0.1:PORT/uia_test
#   tools/mariadb.sh stop
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin  # mariadbd lives in /usr/sbin
cd "$(dirname "$0")/.."
dir=$(pwd)/build/mariadb
socket=$dir/mysqld.sock
# The first free port from 33061 (another MariaDB may hold one); a running instance of ours
# keeps the port it was started on.
port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pick_port() {
  local p=${UIA_MARIADB_PORT:-33061}
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}
case "${1:-}" in
  start)
    command -v mariadbd >/dev/null || { echo "mariadb.sh: mariadb-server is not installed (tools/setup.sh)" >&2; exit 1; }
    mkdir -p "$dir"
    if [ ! -d "$dir/data/mysql" ]; then
      mariadb-install-db --datadir="$dir/data" --user=root --skip-test-db --auth-root-authentication-method=normal \
        >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
    fi
    if mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1; then
      port=$(cat "$dir/port")
    else
      port=$(pick_port)
      echo "$port" >"$dir/port"
      mariadbd --datadir="$dir/data" --socket="$socket" --port="$port" --bind-address=127.0.0.1 --user=root \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --skip-log-bin \
        --innodb-buffer-pool-size=128M --pid-file="$dir/mysqld.pid" >"$dir/server.log" 2>&1 &
      for _ in $(seq 1 100); do
        mariadb-admin --socket="$socket" -uroot ping >/dev/null 2>&1 && break
        sleep 0.1
      done
    fi
    # The port must reach this checkout's server: two checkouts starting at once can pick the same
    # free port, and the loser's tests would then run against the other's server.
    actual=$(mariadb -h 127.0.0.1 -P "$port" -uroot -N -e "SELECT @@socket" 2>/dev/null || true)
    if [ "$actual" != "$socket" ]; then
      echo "mariadb.sh: 127.0.0.1:$port does not reach the server of $dir (its port was taken while it started); run it again" >&2
      tail -5 "$dir/server.log" >&2
      exit 1
    fi
    # A fresh database each start: tests never see an earlier run's rows.
    mariadb --socket="$socket" -uroot -e "DROP DATABASE IF EXISTS uia_test; CREATE DATABASE uia_test CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" \
      || { tail -20 "$dir/server.log" >&2; exit 1; }
    echo "mysql://root@127.0.0.1:$port/uia_test"
    ;;
  stop)
    if [ -f "$dir/mysqld.pid" ]; then
      mariadb-admin --socket="$socket" -uroot shutdown 2>/dev/null || kill "$(cat "$dir/mysqld.pid")" 2>/dev/null || true
    fi
    ;;
  *) echo "usage: tools/mariadb.sh start|stop" >&2; exit 2 ;;
esac
