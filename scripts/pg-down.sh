#!/usr/bin/env bash
# Stops the cluster pg-up.sh started and removes its data directory.
set -u
PGDATA="$1"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ "$(id -u)" = 0 ]; then RUN=(runuser -u postgres --); else RUN=(); fi
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$PGDATA"
