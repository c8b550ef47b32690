/**
 * The crisis ensemble timed in a process of its own, as `brink simulate` runs it: bench/crisis.bench.ts
 * bundles this file with esbuild under the CLI bundle's options (scripts/build.mjs: ESM, node20) and
 * runs it. Prints one JSON line: the median wall time of 3 runs after one warm-up, and the CPU time
 * of one more run.
 *   node crisis-runner.mjs SCENARIO WEEKS
 */
import { readFileSync } from 'node:fs';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { compileCrisisModel, simulateEnsemble } from '@brink/engine/crisis';

const [file, weeksText] = process.argv.slice(2);
const weeks = Number(weeksText);
const scenario = validateScenario(parseScenarioText(readFileSync(file!, 'utf8'), file!));
const model = compileCrisisModel(scenario);
const ensemble = () => simulateEnsemble(model, { runs: 10_000, weeks, seed: 1 });
ensemble();
const times: number[] = [];
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  ensemble();
  times.push(performance.now() - t0);
}
const cpu0 = process.cpuUsage();
ensemble();
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ ms: times[1], cpuMs: (cpu.user + cpu.system) / 1000 }) + '\n');
