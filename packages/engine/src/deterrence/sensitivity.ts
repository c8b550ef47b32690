/**
 * Sensitivity of a deterrence model: a one-parameter sweep (outcome probabilities across a range,
 * thresholds marked), a two-parameter map (which equilibria hold where) and a tornado (how far each
 * ranged parameter, from its low to its high value, moves the probability that deterrence fails).
 *
 * The measure of failure is the worst case over the equilibria at a point (the probability of the
 * outcomes other than the model's successes, SQ for the Zagare-Kilgour games). Points where the
 * parameters break the model's assumptions are reported as invalid, not thrown. Long runs accept a
 * progress callback and a `shouldStop()` poll (checked between points; the partial result is
 * returned with `stopped: true`). Pure and deterministic.
 */
import { InputError, isInputError } from '../errors';
import type { DeterrenceModel, Params } from './model';
import { failureProbability } from './model';

export interface RunControl {
  readonly onProgress?: (done: number, total: number) => void;
  readonly shouldStop?: () => boolean;
}

/**
 * Sets one parameter; a member of one of the model's probability groups (the AEG's p_HH, p_HS,
 * p_SH, p_SS) takes its value and the others of the group share the rest in their current proportions.
 */
export function withParameter(model: DeterrenceModel, params: Params, name: string, value: number): Record<string, number> {
  const out: Record<string, number> = { ...params, [name]: value };
  for (const group of model.probabilityGroups) {
    if (!group.includes(name)) continue;
    const others = group.filter((n) => n !== name);
    const rest = others.reduce((s, n) => s + (params[n] ?? defaultOf(model, n)), 0);
    for (const n of others) out[n] = rest > 0 ? ((1 - value) * (params[n] ?? defaultOf(model, n))) / rest : (1 - value) / others.length;
  }
  return out;
}

function defaultOf(model: DeterrenceModel, name: string): number {
  return model.parameters.find((p) => p.name === name)?.default ?? 0;
}

function fullParams(model: DeterrenceModel, params: Params): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of model.parameters) out[p.name] = params[p.name] ?? p.default;
  return out;
}

function rangeOf(model: DeterrenceModel, name: string, ranges: Readonly<Record<string, readonly [number, number]>> = {}): [number, number] {
  const spec = model.parameters.find((p) => p.name === name);
  if (!spec) {
    throw new InputError(`unknown parameter of model ${model.id}`, { place: name, expected: model.parameters.map((p) => p.name).join(' ') });
  }
  const r = ranges[name] ?? spec.range;
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) {
    throw new InputError(`range [${r[0]}, ${r[1]}] is not two finite numbers`, { place: `ranges.${name}`, expected: '[low, high], finite numbers' });
  }
  return [r[0], r[1]];
}

/** Points per axis: `dflt` when absent, at least 2; a non-finite count is bad input (Infinity would never end). */
function gridSteps(value: number | undefined, dflt: number, place: string): number {
  if (value === undefined) return dflt;
  if (!Number.isFinite(value)) throw new InputError(`${place} must be a finite number, got ${value}`, { place, expected: 'an integer >= 2' });
  return Math.max(2, Math.floor(value));
}

export interface PointSummary {
  /** Equilibrium kinds at this point, in the solver's order. */
  readonly kinds: readonly string[];
  /** Outcome probabilities of each equilibrium. */
  readonly outcomes: readonly Readonly<Record<string, number>>[];
  /** Worst-case probability that deterrence fails (NaN when invalid or no equilibrium). */
  readonly failure: number;
  /** Why the point is invalid (violated ordering...), when it is. */
  readonly invalid?: string;
}

function evaluate(model: DeterrenceModel, params: Params): PointSummary {
  try {
    const res = model.solve(params, { fast: true });
    const failure = res.equilibria.length ? Math.max(...res.equilibria.map((e) => failureProbability(model, e))) : Number.NaN;
    return { kinds: res.equilibria.map((e) => e.kind), outcomes: res.equilibria.map((e) => e.outcomes), failure };
  } catch (error) {
    if (isInputError(error)) return { kinds: [], outcomes: [], failure: Number.NaN, invalid: (error as Error).message };
    throw error;
  }
}

export interface SweepResult {
  readonly model: string;
  readonly parameter: string;
  readonly range: readonly [number, number];
  readonly points: readonly (PointSummary & { readonly value: number })[];
  /** Thresholds compared with the swept parameter, at the base parameters. */
  readonly thresholds: readonly { readonly name: string; readonly value: number }[];
  /** Where the set of equilibrium kinds changes between consecutive points. */
  readonly transitions: readonly { readonly between: readonly [number, number]; readonly from: string; readonly to: string }[];
  readonly stopped: boolean;
}

export function sweep(
  model: DeterrenceModel,
  params: Params,
  parameter: string,
  options: RunControl & { steps?: number; ranges?: Readonly<Record<string, readonly [number, number]>> } = {},
): SweepResult {
  const [lo, hi] = rangeOf(model, parameter, options.ranges);
  const steps = gridSteps(options.steps, 21, 'steps');
  const base = fullParams(model, params);
  const points: (PointSummary & { value: number })[] = [];
  let stopped = false;
  for (let k = 0; k < steps; k++) {
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    const value = lo + ((hi - lo) * k) / (steps - 1);
    points.push({ value, ...evaluate(model, withParameter(model, base, parameter, value)) });
    options.onProgress?.(k + 1, steps);
  }
  let thresholds: { name: string; value: number }[] = [];
  try {
    const res = model.solve(base);
    thresholds = res.sides.filter((s) => s.compared === parameter).map((s) => ({ name: s.threshold, value: s.thresholdValue }));
  } catch (error) {
    if (!isInputError(error)) throw error;
  }
  const transitions: { between: [number, number]; from: string; to: string }[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!.kinds.join(' + ') || (points[k]!.invalid ? 'invalid' : 'none');
    const b = points[k + 1]!.kinds.join(' + ') || (points[k + 1]!.invalid ? 'invalid' : 'none');
    if (a !== b) transitions.push({ between: [points[k]!.value, points[k + 1]!.value], from: a, to: b });
  }
  return { model: model.id, parameter, range: [lo, hi], points, thresholds, transitions, stopped };
}

export interface MapResult {
  readonly model: string;
  readonly parameters: readonly [string, string];
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** regime[j][i]: index into `regimes` at (xs[i], ys[j]); -1 where invalid. */
  readonly regime: readonly (readonly number[])[];
  /** failure[j][i]: worst-case failure probability. */
  readonly failure: readonly (readonly number[])[];
  /** Distinct sets of equilibrium kinds, joined with " + ". */
  readonly regimes: readonly string[];
  readonly stopped: boolean;
}

export function map2d(
  model: DeterrenceModel,
  params: Params,
  p1: string,
  p2: string,
  options: RunControl & {
    steps?: number;
    steps2?: number;
    ranges?: Readonly<Record<string, readonly [number, number]>>;
    /** Only these rows (y indexes) of the map: `regime` and `failure` then hold just them, in order (a chunk of a split run). */
    rows?: { readonly first: number; readonly count: number };
  } = {},
): MapResult {
  const [x0, x1] = rangeOf(model, p1, options.ranges);
  const [y0, y1] = rangeOf(model, p2, options.ranges);
  const nx = gridSteps(options.steps, 41, 'steps');
  const ny = gridSteps(options.steps2, nx, 'steps2');
  const xs = Array.from({ length: nx }, (_, i) => x0 + ((x1 - x0) * i) / (nx - 1));
  const ys = Array.from({ length: ny }, (_, j) => y0 + ((y1 - y0) * j) / (ny - 1));
  const base = fullParams(model, params);
  const regimes: string[] = [];
  const regime: number[][] = [];
  const failure: number[][] = [];
  let stopped = false;
  const firstRow = options.rows ? Math.max(0, Math.min(ny, options.rows.first)) : 0;
  const endRow = options.rows ? Math.max(firstRow, Math.min(ny, options.rows.first + options.rows.count)) : ny;
  for (let j = firstRow; j < endRow && !stopped; j++) {
    const row: number[] = [];
    const frow: number[] = [];
    for (let i = 0; i < nx; i++) {
      if (options.shouldStop?.()) {
        stopped = true;
        break;
      }
      const pt = evaluate(model, withParameter(model, withParameter(model, base, p1, xs[i]!), p2, ys[j]!));
      if (pt.invalid) {
        row.push(-1);
      } else {
        const key = pt.kinds.join(' + ') || 'none';
        let idx = regimes.indexOf(key);
        if (idx < 0) idx = regimes.push(key) - 1;
        row.push(idx);
      }
      frow.push(pt.failure);
    }
    regime.push(row);
    failure.push(frow);
    options.onProgress?.(j + 1 - firstRow, endRow - firstRow);
  }
  return { model: model.id, parameters: [p1, p2], xs, ys, regime, failure, regimes, stopped };
}

export interface TornadoBar {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly failureAtLow: number;
  readonly failureAtHigh: number;
  /** |failureAtHigh - failureAtLow| (NaN-safe: 0 when either end is invalid). */
  readonly swing: number;
  readonly invalid?: string;
}

export interface TornadoResult {
  readonly model: string;
  readonly baseFailure: number;
  /** Sorted by swing, largest first. */
  readonly bars: readonly TornadoBar[];
  readonly stopped: boolean;
}

export function tornado(
  model: DeterrenceModel,
  params: Params,
  options: RunControl & { ranges?: Readonly<Record<string, readonly [number, number]>>; only?: readonly string[] } = {},
): TornadoResult {
  const base = fullParams(model, params);
  const names = (options.only ?? model.parameters.map((p) => p.name)).filter((n) => {
    const r = rangeOf(model, n, options.ranges);
    return r[1] > r[0];
  });
  const bars: TornadoBar[] = [];
  let stopped = false;
  names.forEach((name, k) => {
    if (stopped || options.shouldStop?.()) {
      stopped = true;
      return;
    }
    const [lo, hi] = rangeOf(model, name, options.ranges);
    const a = evaluate(model, withParameter(model, base, name, lo));
    const b = evaluate(model, withParameter(model, base, name, hi));
    const swing = Number.isNaN(a.failure) || Number.isNaN(b.failure) ? 0 : Math.abs(b.failure - a.failure);
    const invalid = a.invalid ?? b.invalid;
    bars.push({ parameter: name, low: lo, high: hi, failureAtLow: a.failure, failureAtHigh: b.failure, swing, ...(invalid ? { invalid } : {}) });
    options.onProgress?.(k + 1, names.length);
  });
  bars.sort((x, y) => y.swing - x.swing || x.parameter.localeCompare(y.parameter));
  return { model: model.id, baseFailure: evaluate(model, base).failure, bars, stopped };
}
