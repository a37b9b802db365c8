#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the tests and export MINUTES_TEST_DATABASE_URL.
# Use: `source .ci/pg-start.sh` (then `bash .ci/pg-stop.sh`). 127.0.0.1 only, trust auth, a
# temporary data directory, port $MINUTES_PG_PORT (default 54329), fsync off.
# initdb refuses to run as root: as root the server runs as the `postgres` user.

minutes_pg_bindir() {
  local d
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return 0; fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

minutes_pg_start() {
  local bindir port dir as
  bindir=$(minutes_pg_bindir) || { echo "pg-start: no PostgreSQL server binaries (apt-get install postgresql)" >&2; return 1; }
  port=${MINUTES_PG_PORT:-54329}
  dir=$(mktemp -d /tmp/minutes-pg.XXXXXX)
  as=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  export MINUTES_PG_DIR="$dir" MINUTES_PG_BINDIR="$bindir"
  export MINUTES_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
  echo "pg-start: PostgreSQL ($bindir) on 127.0.0.1:$port, data in $dir"
}

minutes_pg_start
