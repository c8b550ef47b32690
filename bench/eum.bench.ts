/**
 * EUM benchmark: runEum (Scholz et al. 2011 reconstruction, default options, up to 20 rounds) on
 * 10, 50, 100 and 200 actors, on the same inputs as the SMP benchmark: KTAB's bench inputs from the
 * shared generator (`gen_bench.mjs`, seed 20261126: 50 and 100 actors, 2 dimensions) and seeded
 * inputs with the same distributions for 10 and 200 (bench/workloads, written by smp.bench.ts or
 * here). The EUM runs each dimension separately (runEumOnKtabInput). For comparison the SMP
 * (runSmp, H6's port) is timed on the same input where it is fast enough (<= 100 actors), and
 * KTAB smpc's recorded times (../shared/conformance/ktab/BENCH.md) are the baseline; KTAB has no
 * EUM, so the baseline compares two different models on one input (noted in each row).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseKtabCsv, runEumOnKtabInput, runSmp, writeKtabCsv, type SmpInput } from '../packages/engine/src/bargaining';
import { createRng } from '../packages/engine/src/random';
import { timeIt, type BenchRow } from './harness';

const shared = path.resolve(process.cwd(), '../shared/conformance/ktab');
const workloads = path.resolve(process.cwd(), 'bench/workloads');

/** gen_bench.mjs's distributions: power log-uniform 1..200, positions uniform 0..100, total salience 20..97. */
function generated(nActors: number, seed: number): SmpInput {
  const rng = createRng(seed);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const actors: SmpInput['actors'] = [];
  const positions: number[][] = [];
  const saliences: number[][] = [];
  for (let i = 0; i < nActors; i++) {
    actors.push({ name: `A${String(i).padStart(3, '0')}`, description: `Actor ${i}`, power: r2(Math.exp(rng.next() * Math.log(200))) });
    const total = 20 + rng.next() * 77;
    const w = [0.1 + rng.next(), 0.1 + rng.next()];
    const ws = w[0]! + w[1]!;
    positions.push([r2(rng.next() * 100), r2(rng.next() * 100)]);
    saliences.push(w.map((x) => Math.max(0.5, r2((total * x) / ws))));
  }
  return { name: `bench${nActors}`, actors, dimensions: [{ name: 'Dim0' }, { name: 'Dim1' }], positions, saliences };
}

/**
 * The input of n actors, or null for KTAB's generator sizes (25, 50, 100) when neither the file nor
 * the generator (../shared, not part of a user's clone) is there.
 */
function workload(n: number): { input: SmpInput; source: string } | null {
  const file = path.join(workloads, `bench-a${String(n).padStart(3, '0')}-d2.csv`);
  const fromKtab = n === 25 || n === 50 || n === 100;
  if (!existsSync(file) && fromKtab) {
    const generator = path.join(shared, 'gen_bench.mjs');
    if (!existsSync(generator)) return null;
    mkdirSync(workloads, { recursive: true });
    execFileSync('node', [generator, '--out', workloads], { stdio: 'ignore' });
  }
  if (existsSync(file)) return { input: parseKtabCsv(readFileSync(file, 'utf8'), file), source: path.basename(file) };
  const input = generated(n, 1000 + n);
  mkdirSync(workloads, { recursive: true });
  writeFileSync(path.join(workloads, `eum-a${String(n).padStart(3, '0')}-d2.csv`), writeKtabCsv(input));
  return { input, source: `generated seed ${1000 + n}` };
}

/** KTAB smpc wall times on the same inputs (BENCH.md). */
const KTAB_MS: Record<number, number | null> = { 10: null, 50: 32253, 100: null, 200: null };

export default async function (): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [10, 50, 100, 200]) {
    const got = workload(n);
    if (!got) {
      rows.push({ area: 'eum', workload: `EUM ${n} actors x 2 dims (KTAB's bench input)`, ms: NaN, detail: "skipped: ../shared/conformance/ktab/gen_bench.mjs is not present (a clone without the peers' data)" });
      continue;
    }
    const { input, source } = got;
    let turns = 0;
    const ms = await timeIt(() => {
      turns = runEumOnKtabInput(input).turns;
    }, n >= 200 ? 1 : 3);
    let smpMs: number | null = null;
    let smpTurns = 0;
    if (n <= 100) {
      smpMs = await timeIt(() => {
        smpTurns = runSmp(input).turns;
      }, 1, n <= 50);
    }
    rows.push({
      area: 'eum',
      workload: `EUM ${n} actors x 2 dims (${source})`,
      ms,
      baseline: smpMs !== null
        ? { name: 'Brink SMP (runSmp) same input', ms: smpMs, note: `${smpTurns} turns; KTAB smpc ${KTAB_MS[n] === null || KTAB_MS[n] === undefined ? 'n/a' : `${KTAB_MS[n]} ms`}` }
        : { name: 'KTAB smpc (SMP) same input', ms: KTAB_MS[n] ?? null, note: 'SMP not timed at this size here (see smp.bench.ts)' },
      detail: `${turns} rounds (max over dims), O(n^2 log n) per round`,
    });
  }
  return rows;
}
