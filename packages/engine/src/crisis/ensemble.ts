/**
 * Ensembles as chunks that merge in a fixed order. Run i of an ensemble with seed S draws from
 * the streams createRng(S).split('crisis').split(i).split('epistemic' | 'aleatory') (../random), so
 * a run's numbers depend on (S, i) only. A chunk simulates runs [firstRun, firstRun + runCount)
 * and returns integer tallies (outcome counts, first-occurrence weeks, ladder levels, fan-chart
 * histograms, action totals); `mergeChunks` adds them in run order. Sums of integers do not depend
 * on how the runs were split, so the merged result is bit-identical for any number of chunks,
 * threads or machines (a BullMQ worker can run `simulateChunk` as it is).
 *
 * The summary reports each outcome's probability with Wilson's 95% interval (./intervals.ts;
 * Monte Carlo uncertainty of the marginal probability, which integrates the sampled assumption
 * ranges) and weekly quantiles of the fan variables read off 100-bin histograms (linear within a
 * bin: resolution 1% of the variable's bounds).
 */
import { InputError } from '../errors';
import { LIMITS } from '../limits';
import { createRng, type Rng } from '../random/index';
import type { CompiledCrisisModel } from './compile';
import { isoDate } from './calendar';
import { DeterrenceMemo, AEG_OUTCOME_CODES } from './deterrence-handoff';
import { FAN_BINS, LAUNCH_FAN_MAX, runOne, Workspace, type ParamMode, type RunSink } from './simulate';
import { wilson } from './intervals';

/**
 * Fan charts are read from the runs with index below this (all runs of smaller ensembles): their
 * weekly quantiles are then already finer than the 100-bin histograms (about ±1% of the
 * probability at the 5% quantile), and recording them for every run of a large ensemble would cost
 * more than the rest of the run (a scattered write per variable and week). Outcome counts,
 * the ladder and all other tallies use every run.
 */
export const FAN_RUNS = 2000;

export interface ChunkSpec {
  seed: number | string;
  firstRun: number;
  runCount: number;
  weeks: number;
}

export interface ChunkResult {
  readonly kind: 'crisis-chunk';
  readonly firstRun: number;
  readonly runCount: number;
  readonly weeks: number;
  readonly outcomeCounts: Int32Array;
  readonly firstWeek: Int32Array;
  readonly highest: Int32Array;
  readonly levelByWeek: Int32Array;
  readonly fan: Int32Array;
  readonly actionTotals: Float64Array;
  readonly deterrenceOutcomes: Int32Array;
}

/** Checks ensemble options; places are the option names (`runs`, `weeks`, `seed`). */
export function checkEnsembleOptions(o: { runs?: number; weeks?: number; seed?: unknown }): void {
  if (o.runs !== undefined && (!Number.isInteger(o.runs) || o.runs < 1 || o.runs > LIMITS.maxRuns)) {
    throw new InputError(`the number of runs must be an integer in [1, ${LIMITS.maxRuns}], got ${o.runs}`, { place: 'runs', expected: `an integer in [1, ${LIMITS.maxRuns}]` });
  }
  if (o.weeks !== undefined && (!Number.isInteger(o.weeks) || o.weeks < 1 || o.weeks > LIMITS.maxWeeks)) {
    throw new InputError(`the number of weeks must be an integer in [1, ${LIMITS.maxWeeks}], got ${o.weeks}`, { place: 'weeks', expected: `an integer in [1, ${LIMITS.maxWeeks}]` });
  }
  if (o.seed !== undefined && !(typeof o.seed === 'string' || (typeof o.seed === 'number' && Number.isSafeInteger(o.seed)))) {
    throw new InputError(`the seed must be an integer or a string, got ${String(o.seed)}`, { place: 'seed' });
  }
}

/** The streams of run `run` of an ensemble seeded `seed`. */
export function runStreams(root: Rng, run: number): { epistemic: Rng; aleatory: Rng } {
  const r = root.split(run);
  return { epistemic: r.split('epistemic'), aleatory: r.split('aleatory') };
}

export function ensembleRoot(seed: number | string): Rng {
  return createRng(seed).split('crisis');
}

const memos = new WeakMap<CompiledCrisisModel, DeterrenceMemo>();
/** One memo of deterrence decisions per compiled model (results are pure functions of the parameters). */
export function memoFor(model: CompiledCrisisModel): DeterrenceMemo | null {
  if (!model.deterrence) return null;
  let memo = memos.get(model);
  if (!memo) memos.set(model, (memo = new DeterrenceMemo(model.deterrence)));
  return memo;
}

export function fanRows(model: CompiledCrisisModel): number {
  return model.fanNodes.length + (model.launch ? 1 : 0);
}

export function emptyChunk(model: CompiledCrisisModel, firstRun: number, runCount: number, weeks: number): ChunkResult {
  return {
    kind: 'crisis-chunk',
    firstRun,
    runCount,
    weeks,
    outcomeCounts: new Int32Array(model.outcomes.length),
    firstWeek: new Int32Array(model.outcomes.length * weeks),
    highest: new Int32Array(model.ladder.levels.length),
    levelByWeek: new Int32Array(model.ladder.levels.length * weeks),
    fan: new Int32Array(fanRows(model) * weeks * FAN_BINS),
    actionTotals: new Float64Array(model.actions.length),
    deterrenceOutcomes: new Int32Array(AEG_OUTCOME_CODES.length),
  };
}

/**
 * Where run `run` of a chunk writes its tallies: every tally of the chunk, but the fan histograms
 * only for runs below FAN_RUNS (`summariseChunk` reads the fans as histograms of those runs).
 */
export function sinkFor(chunk: ChunkResult): (run: number) => RunSink {
  const full: RunSink = { fan: chunk.fan, firstWeek: chunk.firstWeek, highest: chunk.highest, levelByWeek: chunk.levelByWeek, actionTotals: chunk.actionTotals, deterrenceOutcomes: chunk.deterrenceOutcomes };
  const noFan: RunSink = { ...full, fan: undefined };
  return (run) => (run < FAN_RUNS ? full : noFan);
}

/** Simulates runs [firstRun, firstRun + runCount) and tallies them. */
export function simulateChunk(model: CompiledCrisisModel, spec: ChunkSpec, options: { mode?: ParamMode; overrides?: ArrayLike<number> | null; onRun?: (done: number) => void } = {}): ChunkResult {
  checkEnsembleOptions({ runs: spec.runCount, weeks: spec.weeks, seed: spec.seed });
  if (!Number.isInteger(spec.firstRun) || spec.firstRun < 0) throw new InputError(`firstRun must be an integer >= 0, got ${spec.firstRun}`, { place: 'firstRun' });
  const chunk = emptyChunk(model, spec.firstRun, spec.runCount, spec.weeks);
  const ws = new Workspace(model, spec.weeks, memoFor(model));
  const root = ensembleRoot(spec.seed);
  const sink = sinkFor(chunk);
  const mode = options.mode ?? 'sample';
  for (let k = 0; k < spec.runCount; k++) {
    const run = spec.firstRun + k;
    const r = runOne(ws, runStreams(root, run), mode, options.overrides ?? null, sink(run));
    for (let o = 0; o < model.outcomes.length; o++) if (r.outcomes & (1 << o)) chunk.outcomeCounts[o]!++;
    if (options.onRun && (k & 63) === 63) options.onRun(k + 1);
  }
  options.onRun?.(spec.runCount);
  return chunk;
}

/** Adds chunks that cover consecutive runs, in run order. */
export function mergeChunks(parts: readonly ChunkResult[]): ChunkResult {
  if (parts.length === 0) throw new InputError('no chunks to merge', { place: 'chunks' });
  const sorted = [...parts].sort((a, b) => a.firstRun - b.firstRun);
  const first = sorted[0]!;
  const add = <T extends Int32Array | Float64Array>(key: keyof ChunkResult) => {
    const out = (first[key] as T).slice() as T;
    for (const p of sorted.slice(1)) {
      const src = p[key] as T;
      if (src.length !== out.length) throw new InputError(`chunks of different shapes cannot be merged (${String(key)})`, { place: 'chunks' });
      for (let i = 0; i < out.length; i++) out[i]! += src[i]!;
    }
    return out;
  };
  let next = first.firstRun;
  for (const p of sorted) {
    if (p.firstRun !== next) throw new InputError(`chunks must cover consecutive runs: expected a chunk starting at run ${next}, got ${p.firstRun}`, { place: 'chunks' });
    if (p.weeks !== first.weeks) throw new InputError('chunks of different horizons cannot be merged', { place: 'chunks' });
    next += p.runCount;
  }
  return {
    kind: 'crisis-chunk',
    firstRun: first.firstRun,
    runCount: next - first.firstRun,
    weeks: first.weeks,
    outcomeCounts: add<Int32Array>('outcomeCounts'),
    firstWeek: add<Int32Array>('firstWeek'),
    highest: add<Int32Array>('highest'),
    levelByWeek: add<Int32Array>('levelByWeek'),
    fan: add<Int32Array>('fan'),
    actionTotals: add<Float64Array>('actionTotals'),
    deterrenceOutcomes: add<Int32Array>('deterrenceOutcomes'),
  };
}

/** A chunk as plain JSON (arrays instead of typed arrays), e.g. for a job queue. */
export function chunkToJson(c: ChunkResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) out[k] = ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v;
  return out;
}

export function chunkFromJson(j: Record<string, unknown>): ChunkResult {
  const i32 = (k: string) => Int32Array.from(j[k] as number[]);
  return {
    kind: 'crisis-chunk',
    firstRun: j.firstRun as number,
    runCount: j.runCount as number,
    weeks: j.weeks as number,
    outcomeCounts: i32('outcomeCounts'),
    firstWeek: i32('firstWeek'),
    highest: i32('highest'),
    levelByWeek: i32('levelByWeek'),
    fan: i32('fan'),
    actionTotals: Float64Array.from(j.actionTotals as number[]),
    deterrenceOutcomes: i32('deterrenceOutcomes'),
  };
}

/** Splits runs [0, runs) into chunks of at most `size` runs. */
export function planChunks(runs: number, size: number): { firstRun: number; runCount: number }[] {
  const out = [];
  for (let first = 0; first < runs; first += size) out.push({ firstRun: first, runCount: Math.min(size, runs - first) });
  return out;
}

// ------------------------------------------------------------------------------------------------
// Summary

export interface OutcomeEstimate {
  id: string;
  label: string;
  label_zh?: string;
  p: number;
  lo: number;
  hi: number;
  count: number;
}

export interface FanPoint {
  week: number;
  date: string;
  q05: number;
  q25: number;
  q50: number;
  q75: number;
  q95: number;
}

export interface VariableFan {
  id: string;
  label: string;
  label_zh?: string;
  unit: string;
  weeks: FanPoint[];
}

export interface SimulationSummary {
  scenario: string;
  variant: string | null;
  start: string;
  runs: number;
  weeks: number;
  seed: number | string;
  /** Runs the fan charts are read from (the first FAN_RUNS). */
  fanRuns: number;
  outcomes: OutcomeEstimate[];
  variables: VariableFan[];
  ladder: { level: number; label: string; label_zh?: string; kahn: [number, number]; p: number; lo: number; hi: number; count: number }[];
  /** Per outcome, the probability it happened by the end of each week. */
  cumulative: { id: string; p: number[] }[];
  /** Share of runs at each ladder level, per week ([level][week]). */
  levelShares: number[][];
  actions: { id: string; actor: string; label: string; perRun: number }[];
  /** Runs that reached the nuclear threshold and the deterrence model's outcomes there. */
  deterrence: { reached: number; outcomes: Record<string, number> };
  sampling: string;
}

function quantileFromHistogram(counts: Int32Array, offset: number, total: number, q: number, lo: number, hi: number): number {
  const target = q * total;
  let cum = 0;
  for (let b = 0; b < FAN_BINS; b++) {
    const c = counts[offset + b]!;
    if (cum + c >= target && c > 0) {
      const frac = Math.min(1, Math.max(0, (target - cum) / c));
      return lo + ((b + frac) / FAN_BINS) * (hi - lo);
    }
    cum += c;
  }
  return hi;
}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

export function summariseChunk(model: CompiledCrisisModel, c: ChunkResult, seed: number | string): SimulationSummary {
  const N = c.runCount;
  const W = c.weeks;
  const fanRuns = Math.max(0, Math.min(c.firstRun + N, FAN_RUNS) - c.firstRun);
  const outcomes = model.outcomes.map((o, i) => {
    const k = c.outcomeCounts[i]!;
    const [lo, hi] = wilson(k, N);
    return { id: o.id, label: o.label.en, label_zh: o.label['zh-Hant'], p: round(k / N), lo: round(lo), hi: round(hi), count: k };
  });
  const rows: { id: string; label: string; label_zh?: string; unit: string; lo: number; hi: number }[] = model.fanNodes.map((node) => {
    const info = model.nodes[node]!;
    return { id: info.id, label: info.label.en, label_zh: info.label['zh-Hant'], unit: info.unit, lo: model.lower[node]!, hi: model.upper[node]! };
  });
  if (model.launch) rows.push({ id: 'launch-days-52w', label: 'DPRK launch days in the past 52 weeks', label_zh: '過去52週北韓飛彈發射日數', unit: 'launch days', lo: 0, hi: LAUNCH_FAN_MAX });
  const variables = rows.map((row, f) => ({
    id: row.id,
    label: row.label,
    label_zh: row.label_zh,
    unit: row.unit,
    weeks: Array.from({ length: W }, (_, w) => {
      const off = (w * rows.length + f) * FAN_BINS;
      const qs = [0.05, 0.25, 0.5, 0.75, 0.95].map((q) => round(quantileFromHistogram(c.fan, off, fanRuns, q, row.lo, row.hi), 4));
      return { week: w, date: isoDate(model.startDay + 7 * w), q05: qs[0]!, q25: qs[1]!, q50: qs[2]!, q75: qs[3]!, q95: qs[4]! };
    }),
  }));
  const ladder = model.ladder.levels.map((l) => {
    const k = c.highest[l.level]!;
    const [lo, hi] = wilson(k, N);
    return { level: l.level, label: l.label.en, label_zh: l.label['zh-Hant'], kahn: [l.kahn[0], l.kahn[1]] as [number, number], p: round(k / N), lo: round(lo), hi: round(hi), count: k };
  });
  const cumulative = model.outcomes.map((o, i) => {
    let cum = 0;
    return { id: o.id, p: Array.from({ length: W }, (_, w) => round((cum += c.firstWeek[i * W + w]!) / N)) };
  });
  const levelShares = model.ladder.levels.map((l) => Array.from({ length: W }, (_, w) => round(c.levelByWeek[l.level * W + w]! / N)));
  const actions = model.actions.map((a, i) => ({ id: a.id, actor: a.actor, label: a.label.en, perRun: round(c.actionTotals[i]! / N, 4) }));
  const reached = c.deterrenceOutcomes.reduce((s, v) => s + v, 0);
  const detOut: Record<string, number> = {};
  AEG_OUTCOME_CODES.forEach((code, k) => (detOut[code] = c.deterrenceOutcomes[k]!));
  return {
    scenario: model.scenarioId,
    variant: model.variant,
    start: model.start,
    runs: N,
    weeks: W,
    seed,
    fanRuns,
    outcomes,
    variables,
    ladder,
    cumulative,
    levelShares,
    actions,
    deterrence: { reached, outcomes: detOut },
    sampling: model.sampling,
  };
}

export interface EnsembleOptions {
  runs?: number;
  weeks?: number;
  seed?: number | string;
  /** Runs per chunk (default 500). */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Simulates an ensemble in this thread, chunk by chunk, and summarises it. */
export function simulateEnsemble(model: CompiledCrisisModel, options: EnsembleOptions = {}): { summary: SimulationSummary; merged: ChunkResult } {
  const runs = options.runs ?? 10_000;
  const weeks = options.weeks ?? model.defaultWeeks;
  const seed = options.seed ?? 1;
  checkEnsembleOptions({ runs, weeks, seed });
  const parts: ChunkResult[] = [];
  for (const plan of planChunks(runs, options.chunkSize ?? 500)) {
    parts.push(simulateChunk(model, { seed, weeks, ...plan }, { onRun: (d) => options.onProgress?.(plan.firstRun + d, runs) }));
  }
  const merged = mergeChunks(parts);
  return { summary: summariseChunk(model, merged, seed), merged };
}
