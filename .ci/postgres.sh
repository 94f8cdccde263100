# A throw-away PostgreSQL cluster on 127.0.0.1:$PG_PORT for the tests; installs the server when missing.
PG_PORT="${PG_PORT:-55432}"
PG_DIR=""

start_postgres() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  PG_DIR="$(mktemp -d /tmp/tongban-pg.XXXXXX)"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  echo tongban > "$PG_DIR.pw" && chmod 644 "$PG_DIR.pw"
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U tongban --pwfile="$PG_DIR.pw" -A scram-sha-256 -E UTF8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c fsync=on" start >/dev/null
  PGPASSWORD=tongban "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U tongban tongban
  PG_BIN="$bin"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
    local run=()
    [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR" "$PG_DIR.pw"
  fi
}
