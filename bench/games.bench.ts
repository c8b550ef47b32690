/**
 * Game-solver benchmarks: the workloads of ../shared/conformance/gambit/BENCH.md, with Gambit's
 * recorded times as baseline. The workload files are generated (seeded) by the peer's script into
 * bench/workloads (git-ignored) when missing:
 *   python3 ../shared/conformance/gambit/gen_bench.py bench/workloads
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  backwardInduction,
  enumMixed,
  enumPure,
  lemkeHowson,
  parseEfg,
  parseNfg,
  solveSubgamePerfect,
  type ExtensiveFormGame,
  type NormalFormGame,
} from '@brink/engine/games';
import { timeIt, type BenchRow } from './harness';

const dir = path.resolve(process.cwd(), 'bench/workloads');
const generator = path.resolve(process.cwd(), '../shared/conformance/gambit/gen_bench.py');

/** True when the workloads are there (generating them if the peer's script is); false without both. */
function ensureWorkloads(): boolean {
  if (existsSync(path.join(dir, 'spe-tree-d11.efg'))) return true;
  if (!existsSync(generator)) return false;
  const r = spawnSync('python3', [generator, dir], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`could not generate the workloads with ${generator}`);
  return true;
}

const nfg = (name: string): NormalFormGame => parseNfg(readFileSync(path.join(dir, name), 'utf8'), name);
const efg = (name: string): ExtensiveFormGame => parseEfg(readFileSync(path.join(dir, name), 'utf8'), name);
const gambit = (seconds: number | null, note?: string): BenchRow['baseline'] => ({
  name: 'Gambit 17',
  ms: seconds === null ? null : seconds * 1000,
  ...(note ? { note } : {}),
});

export default async function (): Promise<BenchRow[]> {
  const area = 'games';
  if (!ensureWorkloads()) {
    return [{ area, workload: "Gambit's BENCH.md workloads (enummixed, lcp, enumpure, spe trees)", ms: NaN, detail: "skipped: bench/workloads has no Gambit workloads and ../shared/conformance/gambit/gen_bench.py is not present (a clone without the peers' data)" }];
  }
  const rows: BenchRow[] = [];

  for (const [size, seconds] of [
    ['8x8', 0.76],
    ['10x10', 5.82],
    ['12x12', 123.6],
  ] as const) {
    const g = nfg(`enummixed-${size}.nfg`);
    let found = 0;
    const ms = await timeIt(() => (found = enumMixed(g).equilibria.length), size === '12x12' ? 1 : 3, size !== '12x12');
    rows.push({ area, workload: `enummixed ${size}`, ms, baseline: gambit(seconds, 'gambit-enummixed -q'), detail: `${found} equilibria` });
  }

  for (const [size, exactS, floatS] of [
    ['50x50', 0.16, 0.09],
    ['150x150', 64.0, 4.68],
  ] as const) {
    const g = nfg(`lcp-${size}.nfg`);
    let found = 0;
    const big = size === '150x150';
    const exactMs = await timeIt(() => (found = lemkeHowson(g, { arithmetic: 'exact', maxEquilibria: 1 }).equilibria.length), big ? 1 : 3, !big);
    rows.push({ area, workload: `lcp ${size} exact, first equilibrium`, ms: exactMs, baseline: gambit(exactS, 'gambit-lcp -q -e 1'), detail: `${found} equilibrium` });
    const floatMs = await timeIt(() => (found = lemkeHowson(g, { arithmetic: 'float', maxEquilibria: 1 }).equilibria.length), 3);
    rows.push({ area, workload: `lcp ${size} float, first equilibrium`, ms: floatMs, baseline: gambit(floatS, 'gambit-lcp -q -d 10 -e 1'), detail: `${found} equilibrium` });
  }
  for (const arithmetic of ['exact', 'float'] as const) {
    const g = nfg('lcp-50x50.nfg');
    let found = 0;
    const ms = await timeIt(() => (found = lemkeHowson(g, { arithmetic, maxEquilibria: 2395 }).equilibria.length), 1, false);
    rows.push({
      area,
      workload: `lcp 50x50 ${arithmetic}, all accessible equilibria up to 2,395`,
      ms,
      baseline: gambit(300, 'gambit-lcp -q (exact): over 300 s (a lower bound), 2,395 found by then'),
      detail: `${found} equilibria`,
    });
  }
  {
    const g = nfg('enumpure-25x25x25.nfg');
    let found = 0;
    const ms = await timeIt(() => (found = enumPure(g).equilibria.length), 3);
    rows.push({ area, workload: 'enumpure 25x25x25', ms, baseline: gambit(1.39, 'gambit-enumpure -q'), detail: `${found} equilibria` });
  }
  for (const depth of ['d8', 'd11'] as const) {
    const file = `spe-tree-${depth}.efg`;
    let game: ExtensiveFormGame | undefined;
    const parseMs = await timeIt(() => (game = efg(file)), 1, false);
    rows.push({ area, workload: `parse ${file}`, ms: parseMs, detail: `${game!.nodes.length} nodes` });
    try {
      const biMs = await timeIt(() => backwardInduction(game!), 3);
      rows.push({ area, workload: `backward induction ${file}`, ms: biMs, baseline: gambit(200, 'gambit-lcp -q: over 200 s (a lower bound), no result'), detail: `${game!.nodes.length} nodes` });
      if (depth !== 'd8') continue; // listing every pure SPE of the 265,720-node tree is not a BENCH.md workload
      let count = 0;
      let complete = false;
      const speMs = await timeIt(() => {
        const r = solveSubgamePerfect(game!);
        count = r.equilibria.length;
        complete = r.complete;
      }, 1, false);
      rows.push({ area, workload: `spe (all pure SPE) ${file}`, ms: speMs, baseline: gambit(null, 'Gambit 16 enumpure -P: 0.36 s at 7,500 nodes, 1.39 s at 26,000 (other trees)'), detail: `${count} equilibria${complete ? '' : ' (capped)'}` });
    } catch (error) {
      rows.push({ area, workload: `backward induction ${file}`, ms: NaN, detail: `not available: ${(error as Error).message}` });
    }
  }
  return rows;
}
