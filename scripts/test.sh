#!/usr/bin/env bash
# Runs every check and test: type check, lint, unit/property/conformance/API tests (vitest, store
# tests on SQLite and on a throwaway PostgreSQL, queue tests on a throwaway Redis), then the
# browser end-to-end tests.
# Installs what it needs first (scripts/setup.sh --test). Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || { echo "setup failed"; exit 1; }
mkdir -p .artifacts && rm -f .artifacts/vitest.json .artifacts/vitest-e2e.json
status=0

# Throwaway PostgreSQL for the store tests.
PG_OUT=$(bash scripts/pg-up.sh) || { echo "could not start PostgreSQL"; exit 1; }
export BRINK_TEST_DATABASE_URL=$(echo "$PG_OUT" | sed -n 1p)
PG_DATA=$(echo "$PG_OUT" | sed -n 2p)
# Throwaway Redis for the queue tests (BullMQ).
REDIS_OUT=$(bash scripts/redis-up.sh) || { echo "could not start Redis"; bash scripts/pg-down.sh "$PG_DATA"; exit 1; }
export BRINK_TEST_REDIS_URL=$(echo "$REDIS_OUT" | sed -n 1p)
REDIS_DIR=$(echo "$REDIS_OUT" | sed -n 2p)
trap 'bash scripts/redis-down.sh "$REDIS_DIR"; bash scripts/pg-down.sh "$PG_DATA"' EXIT

checks_passed=0; checks_failed=0
echo "== typecheck"; if npm run -s typecheck; then checks_passed=$((checks_passed+1)); else checks_failed=$((checks_failed+1)); status=1; fi
echo "== lint"; if npm run -s lint; then checks_passed=$((checks_passed+1)); else checks_failed=$((checks_failed+1)); status=1; fi

echo "== unit, property, conformance and API tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=.artifacts/vitest.json || status=1

e2e_json=""
if [ -f vitest.e2e.config.ts ]; then
  echo "== build the web app"; npm run -s build -w @brink/web || status=1
  echo "== end-to-end tests in Chromium"
  npx vitest run -c vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json=.artifacts/vitest-e2e.json || status=1
  e2e_json=.artifacts/vitest-e2e.json
fi

# The closing line counts every test, plus the type check and lint as one check each; a test file
# that failed to load (no test ran in it) counts as one failure.
CHECKS_PASSED=$checks_passed CHECKS_FAILED=$checks_failed node -e '
const fs = require("fs");
let passed = Number(process.env.CHECKS_PASSED), failed = Number(process.env.CHECKS_FAILED), skipped = 0;
for (const f of process.argv.slice(1)) {
  if (!f) continue;
  if (!fs.existsSync(f)) { failed += 1; console.log(`missing test report ${f}`); continue; }
  const r = JSON.parse(fs.readFileSync(f, "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests;
  skipped += (r.numPendingTests || 0) + (r.numTodoTests || 0);
  for (const file of r.testResults || []) {
    if (file.status === "failed" && !(file.assertionResults || []).some((a) => a.status === "failed")) failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' .artifacts/vitest.json $e2e_json
exit $status
