/**
 * Game solvers against the strongest peers, in the same run:
 *
 * 1. All extreme equilibria of two-player games: `brink solve` (the CLI, as a user runs it) beside
 *    `lrsnash` (lrslib, Debian package `lrslib`) on seeded random square games of 8..16 strategies
 *    with payoffs in -99..99, and on every two-player .nfg of Gambit's conformance set when
 *    ../shared is present. Brink's time is split: CLI start-up (node, tsx, module loading: the
 *    process's wall time minus the rest), reading and parsing, and solving (`--time`).
 *    lrsnash's time is its process's wall time. The equilibrium counts are compared.
 * 2. The sequence-form LCP on generated crisis-signalling trees of about 1k, 10k and 100k nodes:
 *    the sparse solver beside the dense exact tableau it replaced, each in a fresh process; the
 *    dense one is capped by a timeout (BENCH_DENSE_TIMEOUT seconds, default 120) and the row says so.
 *
 * lrsnash: used when on PATH; otherwise the bench tries `apt-get install -y lrslib` (root, Debian)
 * and says in its rows when lrsnash is still absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { enumMixed, parseGame, signallingGameSize, strategyCounts, writeNfg, type NormalFormGame } from '@brink/engine/games';
import { Rational } from '@brink/engine/numeric';
import { createRng } from '@brink/engine/random';
import type { BenchRow } from './harness';

const area = 'games';
const root = process.cwd();
const work = path.join(root, 'bench', 'workloads', 'frontier');
const brinkBin = path.join(root, 'packages', 'app', 'bin', 'brink.js');
const conformance = path.resolve(root, '../shared/conformance/gambit/games');
const denseTimeout = Number(process.env.BENCH_DENSE_TIMEOUT ?? 120) * 1000;

function findLrsnash(): { path: string | undefined; note: string } {
  const which = spawnSync('sh', ['-c', 'command -v lrsnash'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return { path: which.stdout.trim(), note: 'found on PATH' };
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stderr.write('bench: lrsnash not found, installing the Debian package lrslib\n');
    const r = spawnSync('sh', ['-c', 'apt-get install -y lrslib || (apt-get update && apt-get install -y lrslib)'], { stdio: 'ignore' });
    const again = spawnSync('sh', ['-c', 'command -v lrsnash'], { encoding: 'utf8' });
    if (r.status === 0 && again.status === 0) return { path: again.stdout.trim(), note: 'installed with apt-get (lrslib)' };
  }
  return { path: undefined, note: 'lrsnash is not installed (Debian package lrslib) and could not be installed here' };
}

function lrsVersion(bin: string): string {
  const r = spawnSync(bin, ['/dev/null'], { encoding: 'utf8' });
  const m = /lrslib v\.([\d.]+)/.exec(r.stdout + r.stderr);
  return m ? `lrsnash (lrslib ${m[1]})` : 'lrsnash';
}

/** A seeded random n x n game with integer payoffs in -99..99 (player 1's strategy fastest, as .nfg). */
function randomSquareGame(n: number): NormalFormGame {
  const rng = createRng(`frontier-square-${n}`);
  const A = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.int(199) - 99));
  const B = Array.from({ length: n }, () => Array.from({ length: n }, () => rng.int(199) - 99));
  const payoffs: Rational[][] = [];
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) payoffs.push([Rational.fromInt(A[i]![j]!), Rational.fromInt(B[i]![j]!)]);
  const labels = Array.from({ length: n }, (_, k) => String(k + 1));
  return { kind: 'nfg', title: `random ${n}x${n}, payoffs -99..99 (seed frontier-square-${n})`, players: ['1', '2'], strategies: [labels, labels], payoffs };
}

/** lrsnash's input: "m n", then A and B row by row (exact rationals). */
function lrsInput(game: NormalFormGame): string {
  const [m, n] = strategyCounts(game) as [number, number];
  const matrix = (player: number): string =>
    Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => game.payoffs[i + m * j]![player]!.toString()).join(' ')).join('\n');
  return `${m} ${n}\n\n${matrix(0)}\n\n${matrix(1)}\n`;
}

interface LrsRun {
  ms: number;
  equilibria: number;
}
function runLrsnash(bin: string, file: string): LrsRun {
  const t0 = performance.now();
  const r = spawnSync(bin, [file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const m = /Number of equilibria found:\s*(\d+)/.exec(r.stdout);
  if (r.status !== 0 || !m) throw new Error(`lrsnash failed on ${file}: ${r.stderr || r.stdout.slice(0, 200)}`);
  return { ms, equilibria: Number(m[1]) };
}

interface BrinkRun {
  wallMs: number;
  files: { file: string; parseMs: number; solveMs: number; equilibria: number }[];
}
function runBrink(files: string[]): BrinkRun {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [brinkBin, 'solve', ...files, '--json', '--time'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`brink solve failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file?: string; equilibria: unknown[] });
  const times = [...r.stderr.matchAll(/brink: (.*): read and parse ([\d.]+) ms, solve ([\d.]+) ms/g)];
  return {
    wallMs,
    files: files.map((file, k) => ({ file, parseMs: Number(times[k]![2]), solveMs: Number(times[k]![3]), equilibria: lines[k]!.equilibria.length })),
  };
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function (): Promise<BenchRow[]> {
  mkdirSync(work, { recursive: true });
  const rows: BenchRow[] = [];
  const lrs = findLrsnash();
  const peer = lrs.path ? lrsVersion(lrs.path) : 'lrsnash';
  process.stderr.write(`bench: ${peer}: ${lrs.note}\n`);

  // 1a. Random square games.
  for (const n of [8, 10, 12, 14, 16]) {
    const game = randomSquareGame(n);
    const nfg = path.join(work, `square-${n}.nfg`);
    const lrsFile = path.join(work, `square-${n}.lrs`);
    writeFileSync(nfg, writeNfg(game));
    writeFileSync(lrsFile, lrsInput(game));
    const repeats = n <= 12 ? 3 : 1;
    const brinkRuns = Array.from({ length: repeats }, () => runBrink([nfg]));
    const solveMs = median(brinkRuns.map((b) => b.files[0]!.solveMs));
    const parseMs = median(brinkRuns.map((b) => b.files[0]!.parseMs));
    const wallMs = median(brinkRuns.map((b) => b.wallMs));
    const found = brinkRuns[0]!.files[0]!.equilibria;
    // The same solver warm, in this process (after one run), for the algorithm without the JIT's start.
    enumMixed(game);
    const warm = median(
      Array.from({ length: repeats }, () => {
        const t0 = performance.now();
        enumMixed(game);
        return performance.now() - t0;
      }),
    );
    let baseline: BenchRow['baseline'];
    let lrsCount = '';
    if (lrs.path) {
      const lrsRuns = Array.from({ length: repeats }, () => runLrsnash(lrs.path!, lrsFile));
      baseline = { name: peer, ms: median(lrsRuns.map((r) => r.ms)), note: 'process wall time, same run' };
      lrsCount = `, lrsnash ${lrsRuns[0]!.equilibria}${lrsRuns[0]!.equilibria === found ? ' (same)' : ' (DIFFERENT)'}`;
    } else {
      baseline = { name: 'lrsnash', ms: null, note: lrs.note };
    }
    rows.push({
      area,
      workload: `all extreme equilibria, random ${n}x${n} (payoffs -99..99): brink solve, solving time`,
      ms: solveMs,
      baseline,
      detail: `${found} equilibria${lrsCount}; CLI start-up ${(wallMs - parseMs - solveMs).toFixed(0)} ms, read+parse ${parseMs.toFixed(1)} ms, whole command ${wallMs.toFixed(0)} ms (median of ${repeats}); warm in-process solve ${warm.toFixed(1)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
    });
  }

  // 1b. Gambit's conformance games (two-player .nfg), when ../shared is present.
  if (existsSync(conformance)) {
    const files: string[] = [];
    const lrsFiles: string[] = [];
    for (const f of readdirSync(conformance).filter((x) => x.endsWith('.nfg')).sort()) {
      const game = parseGame(readFileSync(path.join(conformance, f), 'utf8'), f);
      if (game.kind !== 'nfg' || game.players.length !== 2) continue;
      files.push(path.join(conformance, f));
      const lrsFile = path.join(work, `conformance-${f}.lrs`);
      writeFileSync(lrsFile, lrsInput(game));
      lrsFiles.push(lrsFile);
    }
    const b = runBrink(files);
    const solveMs = b.files.reduce((s, x) => s + x.solveMs, 0);
    const parseMs = b.files.reduce((s, x) => s + x.parseMs, 0);
    let baseline: BenchRow['baseline'] = { name: 'lrsnash', ms: null, note: lrs.note };
    let agree = '';
    if (lrs.path) {
      const runs = lrsFiles.map((f) => runLrsnash(lrs.path!, f));
      const differ = runs.map((r, k) => (r.equilibria !== b.files[k]!.equilibria ? `${path.basename(files[k]!)} (lrsnash ${r.equilibria}, Brink ${b.files[k]!.equilibria})` : '')).filter(Boolean);
      baseline = { name: peer, ms: runs.reduce((s, r) => s + r.ms, 0), note: `sum of ${runs.length} processes, same run` };
      agree = differ.length === 0 ? `; equilibrium counts equal on all ${files.length}` : `; counts differ on ${differ.join(', ')}`;
    }
    rows.push({
      area,
      workload: `all extreme equilibria, Gambit's ${files.length} two-player .nfg conformance games: brink solve (one call), solving time`,
      ms: solveMs,
      baseline,
      detail: `${b.files.reduce((s, x) => s + x.equilibria, 0)} equilibria in all${agree}; one CLI start-up ${(b.wallMs - parseMs - solveMs).toFixed(0)} ms, read+parse ${parseMs.toFixed(1)} ms`,
    });
  } else {
    rows.push({ area, workload: "all extreme equilibria, Gambit's conformance games", ms: NaN, detail: 'skipped: ../shared/conformance/gambit is not present (a clone without the peers\' data)' });
  }

  // 2. Sequence-form LCP on generated crisis trees.
  for (const [label, k1, k2, moves] of [
    ['1k', 3, 4, 5],
    ['10k', 4, 7, 7],
    ['100k', 11, 12, 8],
  ] as const) {
    const nodes = signallingGameSize({ types: [k1, k2], moves });
    let lcpSize = 0;
    const child = (tableau: 'sparse' | 'dense', timeout: number): { ms: number; detail: string } => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'sequence-form-child.ts'), tableau, String(k1), String(k2), String(moves), '1'], {
        cwd: root,
        encoding: 'utf8',
        timeout,
        maxBuffer: 1 << 26,
      });
      const wall = performance.now() - t0;
      if (r.error || r.status !== 0) {
        const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
        return { ms: NaN, detail: timedOut ? `stopped at the ${timeout / 1000} s cap (no result)` : `failed: ${r.stderr.slice(0, 300)}` };
      }
      const out = JSON.parse(r.stdout.trim()) as { ms: number; exact: boolean; stats: { lcpSize: number; pivots: number; path: string } };
      lcpSize = out.stats.lcpSize;
      if (tableau === 'dense') return { ms: out.ms, detail: `exact dense tableau, LCP size ${out.stats.lcpSize}, process ${wall.toFixed(0)} ms` };
      return { ms: out.ms, detail: `LCP size ${out.stats.lcpSize}, ${out.stats.pivots} pivots, ${out.stats.path}${out.exact ? ' (exact, checked)' : ''}, process ${wall.toFixed(0)} ms` };
    };
    const sparse = child('sparse', 30 * 60_000);
    // The dense tableau has N x (2N + 2) BigInt entries: beyond N = 5,000 it would need gigabytes.
    const dense =
      lcpSize > 5000
        ? { ms: NaN, detail: `not run: its tableau would hold ${((lcpSize * (2 * lcpSize + 2)) / 1e6).toFixed(0)} million BigInt entries (N = ${lcpSize})` }
        : child('dense', denseTimeout);
    rows.push({
      area,
      workload: `sequence-form LCP, crisis-signalling tree ${label} (${nodes} nodes, ${k1}x${k2} types, ${moves} moves): sparse solver`,
      ms: sparse.ms,
      baseline: { name: 'Brink dense exact tableau (the previous solver)', ms: Number.isNaN(dense.ms) ? null : dense.ms, note: dense.detail },
      detail: sparse.detail,
    });
  }
  return rows;
}
