#!/usr/bin/env bash
# Brink's main job (`npm start`): set up (npm ci if needed), build the web app when its build is
# missing or older than its sources, then serve the API and the web app on the default scenario
# at http://127.0.0.1:${PORT:-8080}/ (the URL is printed). Extra arguments go to `brink serve`
# (e.g. `npm start -- --port 9000 --data /tmp/brink-data`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

WEB=packages/web
if [ -f "$WEB/package.json" ] && node -e 'process.exit(require("./packages/web/package.json").scripts?.build ? 0 : 1)'; then
  stale=""
  if [ ! -f "$WEB/dist/index.html" ]; then
    stale="no build yet"
  else
    # The web app bundles the engine, so engine changes also call for a rebuild.
    newer=$(find "$WEB/src" "$WEB/index.html" "$WEB/vite.config.ts" "$WEB/package.json" packages/engine/src \
      -newer "$WEB/dist/index.html" -type f -print -quit 2>/dev/null || true)
    [ -n "$newer" ] && stale="sources changed ($newer)"
  fi
  if [ -n "$stale" ]; then
    echo "start: building the web app: $stale"
    if ! npm run -s build -w @brink/web; then
      echo "start: the web app build failed; serving the API$( [ -f "$WEB/dist/index.html" ] && echo ' and the previous build')" >&2
    fi
  fi
else
  echo "start: the web package has no build script yet; serving the API only"
fi

exec node packages/app/bin/brink.js serve "$@"
