#!/usr/bin/env bash
# Runs every check and test: type check, lint, unit/property/conformance/API tests (vitest, store
# tests on SQLite and on a throwaway PostgreSQL), then the browser end-to-end tests.
# Installs what it needs first (scripts/setup.sh --test). Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || { echo "setup failed"; exit 1; }
mkdir -p .artifacts
status=0

# Throwaway PostgreSQL for the store tests.
PG_OUT=$(bash scripts/pg-up.sh) || { echo "could not start PostgreSQL"; exit 1; }
export BRINK_TEST_DATABASE_URL=$(echo "$PG_OUT" | sed -n 1p)
PG_DATA=$(echo "$PG_OUT" | sed -n 2p)
trap 'bash scripts/pg-down.sh "$PG_DATA"' EXIT

echo "== typecheck"; npm run -s typecheck || status=1
echo "== lint"; npm run -s lint || status=1

echo "== unit, property, conformance and API tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.artifacts/vitest.json || status=1

e2e_json=""
if [ -f vitest.e2e.config.ts ]; then
  echo "== build the web app"; npm run -s build -w @brink/web || status=1
  echo "== end-to-end tests in Chromium"
  npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=.artifacts/vitest-e2e.json || status=1
  e2e_json=.artifacts/vitest-e2e.json
fi

node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const f of process.argv.slice(1)) {
  if (!f || !fs.existsSync(f)) continue;
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests + (r.numFailedTestSuites || 0);
  skipped += (r.numPendingTests || 0) + (r.numTodoTests || 0);
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' .artifacts/vitest.json $e2e_json
exit $status
