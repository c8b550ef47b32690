#!/usr/bin/env node
// Property tests with a fresh random seed (`npm run props [-- FILES...]`): prints the seed first, then
// runs vitest on the property-test files (default below) with BRINK_PROPS_SEED set, so every
// property that reads its seed through packages/engine/test/props.ts explores new cases.
// Replay a failure: BRINK_PROPS_SEED=<printed seed> npx vitest run <file>.
// BRINK_PROPS_RUNS=N multiplies the number of runs of each property.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const DEFAULT_FILES = ['packages/engine/src/bargaining/eum/eum.test.ts', 'packages/engine/src/bargaining/smp/smp.test.ts', 'packages/engine/src/bargaining/uncertainty.test.ts', 'packages/engine/src/deterrence/aeg-existence.test.ts', 'packages/engine/src/deterrence/audience-costs.test.ts'];
const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_FILES;
const seed = process.env.BRINK_PROPS_SEED ?? String(randomInt(1, 2 ** 31 - 1));
console.log(`props: BRINK_PROPS_SEED=${seed}`);
const run = spawnSync('npx', ['vitest', 'run', ...files], { stdio: 'inherit', env: { ...process.env, BRINK_PROPS_SEED: seed } });
if (run.status !== 0) console.log(`props: FAILED with BRINK_PROPS_SEED=${seed} (replay: BRINK_PROPS_SEED=${seed} npx vitest run ${files.join(' ')})`);
else console.log(`props: passed with BRINK_PROPS_SEED=${seed}`);
process.exit(run.status ?? 1);
