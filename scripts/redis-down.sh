#!/usr/bin/env bash
# Stops the Redis server redis-up.sh started (by the pid in its folder) and removes the folder.
set -u
REDIS_DIR="$1"
if [ -f "$REDIS_DIR/redis.pid" ]; then
  pid=$(cat "$REDIS_DIR/redis.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
fi
rm -rf "$REDIS_DIR"
