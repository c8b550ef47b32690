#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 and a free port. Prints two lines:
# the connection URL and the data directory (pass it to pg-down.sh).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=$(mktemp -d /tmp/brink-pg.XXXXXX)
# A free port, asked of the OS (node is here anyway; a fresh Debian has no python3).
PGPORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$PGDATA"
  RUN=(runuser -u postgres --)
else
  RUN=()
fi
"${RUN[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 start \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
echo "postgres://postgres@127.0.0.1:$PGPORT/postgres"
echo "$PGDATA"
