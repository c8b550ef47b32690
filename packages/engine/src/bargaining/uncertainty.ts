/**
 * Uncertainty of a bargaining forecast from the ranges of its inputs.
 *
 * Ensemble (Monte Carlo): run r = 0..N−1 draws every ranged input independently from its range —
 * beta-PERT with the cited/assumed value as mode (random/sample.ts) — using the stream
 * createRng(seed).split('ensemble').split(r).split(actorId).split(field), so a run's inputs
 * depend only on (seed, r, actor, field): the same seed gives the same ensemble whatever the order
 * or number of workers, and two variants compared with one seed share their random numbers.
 * Unranged inputs keep their value. The forecast distribution is summarised by mean, standard
 * deviation, quantiles (type 7, linear interpolation) and a histogram.
 *
 * Tornado (one-at-a-time sensitivity, Howard 1988 "Decision analysis: practice and promise"):
 * each ranged input is set to its low and then its high end with every other input at its base
 * value; the swing |f(high) − f(low)| ranks which actor's position, salience or clout moves the
 * forecast most.
 */
import { InputError } from '../errors';
import { createRng, type Rng } from '../random/rng';
import { sampleRange, type RangeShape } from '../random/sample';
import { baseIssueValues, ISSUE_FIELDS, type IssueField, type IssueModelInput, type IssueValues } from './scenario-issues';

/** A forecast function: the model's forecast (issue units) for one set of input values. */
export type IssueForecaster = (issue: IssueModelInput, values: IssueValues) => number;

export interface EnsembleOptions {
  runs: number;
  seed: number | string;
  shape?: RangeShape;
  /** Histogram bins over the issue scale. Default 20. */
  bins?: number;
  /** Called after each run. */
  onProgress?: (done: number, total: number) => void;
  /**
   * The forecasts of runs 0..runs-1, already computed (by `ensembleMembers`, in chunks on several
   * workers); the summary is then made of them instead of running them again.
   */
  members?: readonly number[];
}

export interface ForecastDistribution {
  runs: number;
  seed: number | string;
  /** Forecast with the base values. */
  base: number;
  forecasts: number[];
  mean: number;
  sd: number;
  min: number;
  max: number;
  quantiles: { p05: number; p25: number; p50: number; p75: number; p95: number };
  /** Counts over `bins` equal bins of [scale.min, scale.max]. */
  histogram: { min: number; max: number; counts: number[] };
}

/** One draw of every ranged input. */
export function sampleIssueValues(issue: IssueModelInput, rng: Rng, shape: RangeShape = 'pert'): IssueValues {
  const values = baseIssueValues(issue);
  issue.actors.forEach((actor, i) => {
    const stream = rng.split(actor.id);
    for (const field of ISSUE_FIELDS) {
      const range = actor.ranges[field];
      if (!range) continue;
      const mode = Math.min(range[1], Math.max(range[0], values[field][i]!));
      values[field][i] = sampleRange(stream.split(field), range, mode, shape);
    }
  });
  return values;
}

/** Quantile of sorted data, linear interpolation between order statistics (Hyndman-Fan type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The forecasts of ensemble runs first..first+count-1 (run r draws from the stream
 * createRng(seed).split('ensemble').split(r) only): a chunk of an ensemble, which any worker may
 * compute; the chunks' forecasts, concatenated in run order, are the whole ensemble's.
 */
export function ensembleMembers(
  issue: IssueModelInput,
  forecast: IssueForecaster,
  opts: { seed: number | string; first: number; count: number; shape?: RangeShape; onProgress?: (done: number, total: number) => void },
): number[] {
  const root = createRng(opts.seed).split('ensemble');
  const out: number[] = [];
  for (let r = opts.first; r < opts.first + opts.count; r++) {
    out.push(forecast(issue, sampleIssueValues(issue, root.split(r), opts.shape)));
    opts.onProgress?.(r - opts.first + 1, opts.count);
  }
  return out;
}

/** Runs the ensemble. */
export function runEnsemble(issue: IssueModelInput, forecast: IssueForecaster, opts: EnsembleOptions): ForecastDistribution {
  if (!(Number.isFinite(opts.runs) && opts.runs >= 0)) throw new InputError(`runs must be a finite number >= 0, got ${opts.runs}`, { place: 'runs', expected: 'a whole number >= 0' });
  const bins = opts.bins ?? 20;
  if (!(Number.isInteger(bins) && bins >= 1)) throw new InputError(`bins must be a whole number >= 1, got ${bins}`, { place: 'bins', expected: 'a whole number >= 1' });
  const runs = Math.floor(opts.runs);
  if (opts.members && opts.members.length !== runs) throw new Error(`runEnsemble: ${opts.members.length} precomputed members for ${runs} runs`);
  const forecasts = opts.members ? [...opts.members] : ensembleMembers(issue, forecast, { seed: opts.seed, first: 0, count: runs, shape: opts.shape, onProgress: opts.onProgress });
  const sorted = forecasts.slice().sort((a, b) => a - b);
  const mean = forecasts.reduce((s, x) => s + x, 0) / Math.max(1, runs);
  const variance = runs > 1 ? forecasts.reduce((s, x) => s + (x - mean) ** 2, 0) / (runs - 1) : 0;
  const counts = new Array<number>(bins).fill(0);
  const { min: smin, max: smax } = issue.scale;
  for (const x of forecasts) counts[Math.min(bins - 1, Math.max(0, Math.floor(((x - smin) / (smax - smin)) * bins)))]! += 1;
  return {
    runs,
    seed: opts.seed,
    base: forecast(issue, baseIssueValues(issue)),
    forecasts,
    mean,
    sd: Math.sqrt(variance),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    quantiles: {
      p05: quantileSorted(sorted, 0.05),
      p25: quantileSorted(sorted, 0.25),
      p50: quantileSorted(sorted, 0.5),
      p75: quantileSorted(sorted, 0.75),
      p95: quantileSorted(sorted, 0.95),
    },
    histogram: { min: smin, max: smax, counts },
  };
}

export interface TornadoBar {
  actor: string;
  actorName: string;
  field: IssueField;
  /** The input's range and base value. */
  low: number;
  high: number;
  baseValue: number;
  forecastAtLow: number;
  forecastAtHigh: number;
  /** |forecastAtHigh − forecastAtLow|. */
  swing: number;
}

export interface TornadoResult {
  base: number;
  /** Sorted by swing, largest first (ties: actor order, then position, salience, clout). */
  bars: TornadoBar[];
}

/** One-at-a-time sensitivity of the forecast to every ranged input. */
export function tornado(issue: IssueModelInput, forecast: IssueForecaster): TornadoResult {
  const base = baseIssueValues(issue);
  const baseForecast = forecast(issue, base);
  const bars: TornadoBar[] = [];
  issue.actors.forEach((actor, i) => {
    for (const field of ISSUE_FIELDS) {
      const range = actor.ranges[field];
      if (!range) continue;
      const at = (v: number): number => {
        const values: IssueValues = { position: base.position.slice(), salience: base.salience.slice(), clout: base.clout.slice() };
        values[field][i] = v;
        return forecast(issue, values);
      };
      const forecastAtLow = at(range[0]);
      const forecastAtHigh = at(range[1]);
      bars.push({
        actor: actor.id,
        actorName: actor.name,
        field,
        low: range[0],
        high: range[1],
        baseValue: base[field][i]!,
        forecastAtLow,
        forecastAtHigh,
        swing: Math.abs(forecastAtHigh - forecastAtLow),
      });
    }
  });
  const order = new Map(bars.map((b, k) => [b, k]));
  bars.sort((a, b) => b.swing - a.swing || order.get(a)! - order.get(b)!);
  return { base: baseForecast, bars };
}
