/**
 * SMP benchmark: runSmp (KTAB default switches) on KTAB's bench inputs and example files, against
 * KTAB smpc's recorded wall times (../shared/conformance/ktab/BENCH.md; 2 vCPU, g++ -O2, includes
 * start-up and sqlite writes). Inputs of 25/50/100 actors come from the shared generator
 * (`node ../shared/conformance/ktab/gen_bench.mjs --out bench/workloads`, seed 20261126); 10 and
 * 200 actors are drawn here with the same distributions (seeded mulberry32).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseKtabCsv, runSmp, writeKtabCsv, type SmpInput } from '../packages/engine/src/bargaining';
import { mulberry32 } from '../packages/engine/src/bargaining/smp/prng';
import { timeIt, type BenchRow } from './harness';

const shared = path.resolve(process.cwd(), '../shared/conformance/ktab');
const workloads = path.resolve(process.cwd(), 'bench/workloads');

/** Same distributions as gen_bench.mjs ("uniform" style): power log-uniform 1..200, total salience 20..97. */
function generated(nActors: number, seed: number): SmpInput {
  const R = mulberry32(seed);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const actors: SmpInput['actors'] = [];
  const positions: number[][] = [];
  const saliences: number[][] = [];
  for (let i = 0; i < nActors; i++) {
    actors.push({ name: `A${String(i).padStart(3, '0')}`, description: `Actor ${i}`, power: r2(Math.exp(R() * Math.log(200))) });
    const total = 20 + R() * 77;
    const w = [0.1 + R(), 0.1 + R()];
    const ws = w[0]! + w[1]!;
    positions.push([r2(R() * 100), r2(R() * 100)]);
    saliences.push(w.map((x) => Math.max(0.5, r2((total * x) / ws))));
  }
  return { name: `bench${nActors}`, actors, dimensions: [{ name: 'Dim0' }, { name: 'Dim1' }], positions, saliences };
}

/** KTAB's generated inputs (when its generator is there: ../shared is not part of a user's clone) and the seeded 10 and 200. */
function ensureWorkloads(): void {
  const generator = path.join(shared, 'gen_bench.mjs');
  mkdirSync(workloads, { recursive: true });
  if (!existsSync(path.join(workloads, 'bench-a100-d2.csv')) && existsSync(generator)) {
    execFileSync('node', [generator, '--out', workloads], { stdio: 'ignore' });
  }
  for (const [n, seed] of [
    [10, 1010],
    [200, 2020],
  ] as const) {
    const f = path.join(workloads, `bench-a${String(n).padStart(3, '0')}-d2.csv`);
    if (!existsSync(f)) writeFileSync(f, writeKtabCsv(generated(n, seed)));
  }
}

interface Case {
  workload: string;
  file: string;
  ktabMs: number | null;
  ktabNote?: string;
  expected?: string;
  runs: number;
}

export default async function (): Promise<BenchRow[]> {
  ensureWorkloads();
  const only = process.env.SMP_BENCH_ONLY?.split(',');
  const cases: Case[] = [
    { workload: 'smp 10 actors x 2 dims', file: path.join(workloads, 'bench-a010-d2.csv'), ktabMs: null, ktabNote: 'not run', runs: 5 },
    { workload: 'smp 25 actors x 2 dims', file: path.join(workloads, 'bench-a025-d2.csv'), ktabMs: 2380, ktabNote: 'BENCH.md, 26 turns', runs: 5 },
    { workload: 'smp 50 actors x 2 dims', file: path.join(workloads, 'bench-a050-d2.csv'), ktabMs: 32300, ktabNote: 'BENCH.md, 25 turns', runs: 3 },
    { workload: 'smp 100 actors x 2 dims', file: path.join(workloads, 'bench-a100-d2.csv'), ktabMs: null, ktabNote: 'BENCH.md: pending, ~8-10 min extrapolated', runs: 1 },
    { workload: 'smp 200 actors x 2 dims', file: path.join(workloads, 'bench-a200-d2.csv'), ktabMs: null, ktabNote: 'not run', runs: 1 },
    { workload: 'smp KTAB SOE-Competitive (34 x 1)', file: path.join(shared, 'data/SOE-Competitive.csv'), ktabMs: 9000, ktabNote: 'BENCH.md single run', expected: 'SOE-Competitive', runs: 3 },
    { workload: 'smp KTAB dummyData-a040 (40 x 1)', file: path.join(shared, 'data/dummyData-a040.csv'), ktabMs: 9900, ktabNote: 'BENCH.md single run', expected: 'dummyData-a040', runs: 3 },
    { workload: 'smp KTAB dummyData-a080 (80 x 1)', file: path.join(shared, 'data/dummyData-a080.csv'), ktabMs: 160000, ktabNote: 'BENCH.md single run', expected: 'dummyData-a080', runs: 1 },
    { workload: 'smp KTAB dummyData-a160 (160 x 1)', file: path.join(shared, 'data/dummyData-a160.csv'), ktabMs: null, ktabNote: 'no KTAB run', runs: 1 },
  ];
  const rows: BenchRow[] = [];
  for (const c of cases) {
    if (only && !only.some((o) => c.workload.includes(o))) continue;
    if (!existsSync(c.file)) {
      const missing = c.file.startsWith(shared) ? '../shared/conformance/ktab/data' : `${path.basename(c.file)} (KTAB's generator ../shared/conformance/ktab/gen_bench.mjs)`;
      rows.push({ area: 'smp', workload: c.workload, ms: NaN, detail: `skipped: ${missing} is not present (a clone without the peers' data)` });
      continue;
    }
    const input = parseKtabCsv(readFileSync(c.file, 'utf8'), path.basename(c.file));
    let turns = 0;
    let final: number[][] = [];
    const ms = await timeIt(
      () => {
        const r = runSmp(input);
        turns = r.turns;
        final = r.final;
      },
      c.runs,
      c.runs > 1,
    );
    let detail = `${turns} turns, ${(ms / Math.max(1, turns)).toFixed(1)} ms/turn`;
    const expectedFile = c.expected ? path.join(shared, 'expected', `${c.expected}.json`) : undefined;
    if (expectedFile && existsSync(expectedFile)) {
      const exp = JSON.parse(readFileSync(expectedFile, 'utf8')) as { turns: number; final: number[][] };
      let worst = 0;
      final.forEach((row, i) => row.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - exp.final[i]![k]!)))));
      detail += `; KTAB ${exp.turns} turns, max |final - KTAB| = ${worst}`;
    }
    rows.push({ area: 'smp', workload: c.workload, ms, baseline: { name: 'KTAB smpc', ms: c.ktabMs, note: c.ktabNote }, detail });
  }
  return rows;
}
