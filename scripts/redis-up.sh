#!/usr/bin/env bash
# Starts a throwaway Redis server (Debian's redis-server) on 127.0.0.1 and a free port, with no
# persistence, in a temporary folder. Prints two lines: the URL and the folder (pass it to
# redis-down.sh).
set -euo pipefail
REDIS_DIR=$(mktemp -d /tmp/brink-redis.XXXXXX)
REDIS_PORT=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$REDIS_DIR" \
  --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" >/dev/null
for _ in $(seq 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.05; done
redis-cli -p "$REDIS_PORT" ping >/dev/null
echo "redis://127.0.0.1:$REDIS_PORT"
echo "$REDIS_DIR"
