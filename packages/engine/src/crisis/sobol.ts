/**
 * Variance-based (Sobol') sensitivity indices of the outcome probabilities, first order S_i and
 * total S_Ti, with Saltelli's design and estimators (A. Saltelli et al., "Variance based
 * sensitivity analysis of model output. Design and estimator for the total sensitivity index",
 * Computer Physics Communications 181(2), 2010, table 2: (b) for S_i, (f) Jansen's for S_Ti):
 *
 *   A, B: N x K matrices of independent draws of the K parameters studied (each from its range,
 *   by its own inverse CDF); A_B^(i): A with column i taken from B. With f(·) the outcome
 *   probability at a point (R runs on common random numbers, ./design.ts),
 *     V     = Var[f(A) ∪ f(B)]
 *     V_i   = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j)                 S_i  = V_i / V
 *     V_Ti  = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)²                         S_Ti = V_Ti / V
 *
 * Confidence intervals: percentile bootstrap over the N rows (B resamples; Archer, Saltelli &
 * Sobol', "Sensitivity measures, ANOVA-like techniques and the use of bootstrap", J. Statistical
 * Computation and Simulation 58(2), 1997). The parameters not studied stay at their scenario values.
 * f is estimated from R runs, so its variance may include binomial noise of up to mean p(1 − p)/R;
 * `noiseShare` reports that share of V, an upper bound because every point uses the same R random
 * streams (common random numbers), so much of the noise is shared by all points and cancels.
 */
import { createRng } from '../random/index';
import type { CompiledCrisisModel } from './compile';
import { evaluateDesign, type DesignSpec } from './design';

export interface SobolIndex {
  key: string;
  label: string;
  first: number;
  firstLo: number;
  firstHi: number;
  total: number;
  totalLo: number;
  totalHi: number;
}

export interface SobolOutcome {
  id: string;
  label: string;
  variance: number;
  noiseShare: number;
  indices: SobolIndex[];
}

export interface SobolResult {
  baseSamples: number;
  runsPerPoint: number;
  bootstrap: number;
  params: { key: string; label: string }[];
  outcomes: SobolOutcome[];
}

export interface SobolOptions {
  seed?: number | string;
  weeks?: number;
  /** Parameter indices to study (default: the first 8 with a range). */
  params?: readonly number[];
  /** N (default 64 here; the report uses 128). */
  baseSamples?: number;
  /** R (default 32). */
  runsPerPoint?: number;
  /** Bootstrap resamples (default 500). */
  bootstrap?: number;
  onProgress?: (done: number, total: number) => void;
}

function percentile(sorted: Float64Array, q: number): number {
  const x = q * (sorted.length - 1);
  const k = Math.floor(x);
  return sorted[k]! + (x - k) * ((sorted[Math.min(sorted.length - 1, k + 1)] ?? sorted[k]!) - sorted[k]!);
}

export interface SobolDesign {
  readonly spec: DesignSpec;
  readonly chosen: readonly number[];
  readonly baseSamples: number;
  readonly bootstrap: number;
  readonly seed: number | string;
}

/** Saltelli's points: A (N rows), B (N rows), then A_B^(i) for each parameter i. */
export function sobolDesign(model: CompiledCrisisModel, options: SobolOptions = {}): SobolDesign {
  const chosen = options.params ?? model.params.map((p, i) => (p.hi > p.lo ? i : -1)).filter((i) => i >= 0).slice(0, 8);
  const K = chosen.length;
  const N = options.baseSamples ?? 64;
  const R = options.runsPerPoint ?? 32;
  const seed = options.seed ?? 1;
  const rng = createRng(seed).split('sobol');
  const draw = () => chosen.map((i) => model.params[i]!.sampler.sample((rng.nextUint32() + 0.5) / 4294967296));
  const A = Array.from({ length: N }, draw);
  const Bm = Array.from({ length: N }, draw);
  const point = (row: number[]) => row.flatMap((v, k) => [chosen[k]!, v]);
  const points: number[][] = [];
  for (let j = 0; j < N; j++) points.push(point(A[j]!));
  for (let j = 0; j < N; j++) points.push(point(Bm[j]!));
  for (let i = 0; i < K; i++) for (let j = 0; j < N; j++) points.push(point(A[j]!.map((v, k) => (k === i ? Bm[j]![k]! : v))));
  return { spec: { seed, weeks: options.weeks ?? model.defaultWeeks, runsPerPoint: R, points }, chosen, baseSamples: N, bootstrap: options.bootstrap ?? 500, seed };
}

export function sobolIndices(model: CompiledCrisisModel, options: SobolOptions = {}): SobolResult {
  const design = sobolDesign(model, options);
  return sobolFromCounts(model, design, evaluateDesign(model, design.spec, { onProgress: options.onProgress }));
}

/** The indices and their bootstrap intervals from the design's counts ([point][outcome]). */
export function sobolFromCounts(model: CompiledCrisisModel, design: SobolDesign, counts: Int32Array): SobolResult {
  const chosen = design.chosen;
  const K = chosen.length;
  const N = design.baseSamples;
  const R = design.spec.runsPerPoint;
  const B = design.bootstrap;
  const seed = design.seed;
  const nO = model.outcomes.length;
  const f = (p: number, o: number) => counts[p * nO + o]! / R;
  const boot = createRng(seed).split('sobol-bootstrap');
  const resamples = Array.from({ length: B }, () => Int32Array.from({ length: N }, () => boot.int(N)));

  const outcomes = model.outcomes.map((oc, o) => {
    const fA = Float64Array.from({ length: N }, (_, j) => f(j, o));
    const fB = Float64Array.from({ length: N }, (_, j) => f(N + j, o));
    const fAB = chosen.map((_, i) => Float64Array.from({ length: N }, (_, j) => f(2 * N + i * N + j, o)));
    const estimate = (rows: ArrayLike<number>) => {
      let s = 0;
      let s2 = 0;
      for (let t = 0; t < rows.length; t++) {
        const j = rows[t]!;
        s += fA[j]! + fB[j]!;
        s2 += fA[j]! * fA[j]! + fB[j]! * fB[j]!;
      }
      const m2 = 2 * rows.length;
      const V = s2 / m2 - (s / m2) ** 2;
      const first: number[] = [];
      const total: number[] = [];
      for (let i = 0; i < K; i++) {
        let vi = 0;
        let vt = 0;
        for (let t = 0; t < rows.length; t++) {
          const j = rows[t]!;
          vi += fB[j]! * (fAB[i]![j]! - fA[j]!);
          vt += (fA[j]! - fAB[i]![j]!) ** 2;
        }
        first.push(V > 0 ? vi / rows.length / V : 0);
        total.push(V > 0 ? vt / (2 * rows.length) / V : 0);
      }
      return { V, first, total };
    };
    const all = Int32Array.from({ length: N }, (_, j) => j);
    const point = estimate(all);
    const bootFirst = chosen.map(() => new Float64Array(B));
    const bootTotal = chosen.map(() => new Float64Array(B));
    resamples.forEach((rows, b) => {
      const e = estimate(rows);
      for (let i = 0; i < K; i++) {
        bootFirst[i]![b] = e.first[i]!;
        bootTotal[i]![b] = e.total[i]!;
      }
    });
    let noise = 0;
    for (let j = 0; j < N; j++) noise += (fA[j]! * (1 - fA[j]!) + fB[j]! * (1 - fB[j]!)) / R;
    noise /= 2 * N;
    const r = (x: number) => Number(x.toFixed(4));
    const indices = chosen.map((pi, i) => {
      const bf = bootFirst[i]!.sort();
      const bt = bootTotal[i]!.sort();
      const p = model.params[pi]!;
      return { key: p.key, label: p.label, first: r(point.first[i]!), firstLo: r(percentile(bf, 0.025)), firstHi: r(percentile(bf, 0.975)), total: r(point.total[i]!), totalLo: r(percentile(bt, 0.025)), totalHi: r(percentile(bt, 0.975)) };
    });
    return { id: oc.id, label: oc.label.en, variance: point.V, noiseShare: point.V > 0 ? r(Math.min(1, noise / point.V)) : 0, indices };
  });
  return { baseSamples: N, runsPerPoint: R, bootstrap: B, params: chosen.map((i) => ({ key: model.params[i]!.key, label: model.params[i]!.label })), outcomes };
}
