#!/usr/bin/env bash
# Type-checks every project with the fast TypeScript 7 compiler (called by path: see stack notes).
set -euo pipefail
cd "$(dirname "$0")/.."
TSC="node node_modules/typescript-7/bin/tsc"
status=0
for p in packages/engine/tsconfig.json packages/engine/tsconfig.test.json packages/app/tsconfig.json packages/web/tsconfig.json tsconfig.json; do
  if ! $TSC -p "$p"; then echo "typecheck failed: $p" >&2; status=1; fi
done
exit $status
