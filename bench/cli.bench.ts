/**
 * Start-up of the `brink` command line: `brink --version` and `brink solve` of a 2x2 game, wall
 * time of a whole process (median of 21 runs), for the bundle that `npm run build` writes
 * (packages/app/dist, the default) and for the TypeScript sources through tsx (BRINK_FROM_SOURCE=1,
 * the development path). Targets: --version under 150 ms, solve 2x2 under 250 ms.
 * Node's own start-up (`node -e 0`) is measured beside them as the floor.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFile, BenchRow } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const brink = path.join(root, 'packages/app/bin/brink.js');
const game = path.join(root, 'bench/fixtures/coordination-2x2.nfg');

function wall(args: string[], env: NodeJS.ProcessEnv = {}, runs = 21): number {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.push(ms); // the first run warms the file cache
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const bench: BenchFile = async () => {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  const node = wall(['-e', '0']);
  const rows: BenchRow[] = [];
  const cases: [string, string[]][] = [
    ['brink --version', [brink, '--version']],
    ['brink solve 2x2 .nfg --json', [brink, 'solve', game, '--json']],
  ];
  for (const [workload, args] of cases) {
    const bundled = wall(args);
    const source = wall(args, { BRINK_FROM_SOURCE: '1' }, 7);
    rows.push({
      area: 'cli',
      workload: `${workload} (bundle)`,
      ms: bundled,
      baseline: { name: 'tsx from source', ms: source, note: 'BRINK_FROM_SOURCE=1, median of 7' },
      detail: `median of 21 process runs; node -e 0 takes ${node.toFixed(0)} ms here`,
    });
  }
  return rows;
};

export default bench;
