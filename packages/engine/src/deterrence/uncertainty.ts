/**
 * How much a deterrence result rests on its assumptions: the result over the plausible parameter
 * space (the ranges of the scenario's cited and assumed values, the model's own ranges for values the
 * scenario does not bind), with the parameters the conclusion turns on (e.g. "deterrence holds
 * in 38% of the plausible parameter space; it turns on p_HH, which the article does not quantify").
 *
 * Sampling (Monte Carlo, as the bargaining ensembles: bargaining/uncertainty.ts). Draw i = 0..N-1
 * sets every ranged parameter from its range, beta-PERT with the setup's value as mode (or uniform),
 * from the stream createRng(seed).split('deterrence').split(i).split(parameter), so a draw depends
 * only on (seed, i, parameter). A probability group (the AEG's Defender types) is divided by its sum
 * so that it sums to 1. Draws that break the model's orderings are outside its assumptions: they are
 * counted and replaced (at most 20 N draws in all).
 *
 * At each point the model is solved; deterrence holds there when it fails with probability 0 in
 * every equilibrium (the worst case, W = max over equilibria of P(fail)), and fails surely when
 * even the best equilibrium fails (B = 1). Reported: the share of points where it holds (with the
 * sampling margin 1.96 sqrt(s (1 - s) / N)), the distribution of W (mean, quantiles type 7), how
 * often each equilibrium kind occurs, and the point result at the setup's own values.
 *
 * What the result turns on: for each varied parameter X the correlation ratio (first-order effect)
 *
 *   eta2(X) = Var( E[W | X in bin k] ) / Var(W),   10 bins of equal count over the sorted X,
 *
 * the share of the variance of W that X explains alone (Pearson 1905; the main-effect index of
 * variance-based sensitivity analysis, Saltelli et al., "Global Sensitivity Analysis", 2008, ch. 1),
 * with Spearman's rank correlation of X and W for its direction. With N points an unrelated
 * parameter scores about 9/N, so scores below 3 x 9/N are not named.
 */
import { isInputError } from '../errors';
import { createRng } from '../random/rng';
import { quantileSorted } from '../bargaining/uncertainty';
import { sampleRange, type RangeShape } from '../random/sample';
import { failureProbability, type DeterrenceModel, type Params } from './model';
import type { BoundParameter } from './scenario-link';
import type { RunControl } from './sensitivity';

/** Where a parameter's value and range come from, as the conclusion's wording needs it. */
export type ParameterGrounds = 'states' | 'implies' | 'context' | 'cited' | 'assumed' | 'default';

export interface UncertaintyDriver {
  readonly parameter: string;
  /** Share of the variance of the worst-case failure this parameter explains alone (0..1). */
  readonly eta2: number;
  /** Spearman rank correlation of the parameter and the worst-case failure (-1..1). */
  readonly rho: number;
  readonly range: readonly [number, number];
  readonly grounds: ParameterGrounds;
}

export interface DeterrenceUncertainty {
  readonly model: string;
  readonly seed: number | string;
  readonly shape: RangeShape;
  /** Points solved (inside the model's assumptions). */
  readonly samples: number;
  /** Draws outside the model's assumptions (broken orderings), replaced. */
  readonly rejected: number;
  /** The parameters varied, with their ranges. */
  readonly varied: readonly { readonly parameter: string; readonly range: readonly [number, number] }[];
  /** Share of points where deterrence holds in every equilibrium, and its sampling margin (95%). */
  readonly holds: number;
  readonly holdsMargin: number;
  /** Share of points where deterrence fails even in the best equilibrium. */
  readonly failsSurely: number;
  /** Worst-case probability that deterrence fails over the points. */
  readonly worst: { readonly mean: number; readonly p05: number; readonly p25: number; readonly p50: number; readonly p75: number; readonly p95: number; readonly histogram: readonly number[] };
  /** How often each equilibrium kind is among a point's equilibria. */
  readonly kinds: readonly { readonly kind: string; readonly share: number }[];
  /** The result at the setup's own values (the point estimate). */
  readonly point: { readonly worst: number; readonly best: number; readonly holds: boolean; readonly kinds: readonly string[] };
  /** Parameters by the share of the variance they explain, largest first (only those above noise). */
  readonly drivers: readonly UncertaintyDriver[];
  /** The conclusion in one paragraph (English; interfaces compose their own from the fields). */
  readonly summary: string;
  readonly stopped: boolean;
}

export interface UncertaintyOptions extends RunControl {
  /** Points to solve (default 1000). */
  readonly samples?: number;
  readonly seed?: number | string;
  readonly shape?: RangeShape;
  /** Ranges to vary (every parameter with a range of positive width). */
  readonly ranges: Readonly<Record<string, readonly [number, number]>>;
  /** Provenance of each parameter's value, where a scenario binds it. */
  readonly bound?: Readonly<Record<string, BoundParameter | undefined>>;
}

const HOLD_EPS = 1e-9;

/** The grounds of a bound value: the citation's support grade when it has one (scenario format), else cited or assumed. */
export function groundsOf(bound: BoundParameter | undefined): ParameterGrounds {
  if (!bound) return 'default';
  const support = (bound.cite as { support?: unknown } | undefined)?.support;
  if (support === 'states' || support === 'implies' || support === 'context') return support;
  return bound.cite ? 'cited' : 'assumed';
}

function ranks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let k = 0; k < order.length; ) {
    let j = k;
    while (j + 1 < order.length && order[j + 1]![0] === order[k]![0]) j++;
    for (let t = k; t <= j; t++) r[order[t]![1]] = (k + j) / 2;
    k = j + 1;
  }
  return r;
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Correlation ratio of y on x with `bins` bins of equal count over the sorted x. */
function correlationRatio(x: readonly number[], y: readonly number[], bins = 10): number {
  const n = x.length;
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const total = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  if (!(total > 0)) return 0;
  const order = x.map((_, i) => i).sort((i, j) => x[i]! - x[j]!);
  let between = 0;
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.floor(((b + 1) * n) / bins);
    if (to <= from) continue;
    let s = 0;
    for (let k = from; k < to; k++) s += y[order[k]!]!;
    const m = s / (to - from);
    between += (to - from) * (m - mean) ** 2;
  }
  return Math.min(1, between / total);
}

function failures(model: DeterrenceModel, params: Params): { worst: number; best: number; kinds: string[] } | null {
  try {
    const res = model.solve(params, { fast: true });
    if (res.equilibria.length === 0) return { worst: Number.NaN, best: Number.NaN, kinds: [] };
    const f = res.equilibria.map((e) => failureProbability(model, e));
    return { worst: Math.max(...f), best: Math.min(...f), kinds: [...new Set(res.equilibria.map((e) => e.kind))] };
  } catch (error) {
    if (isInputError(error)) return null;
    throw error;
  }
}

const pct = (x: number) => `${Math.round(100 * x)}%`;
const num = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(2)).toString() : 'n/a');

const GROUNDS_WORDS: Record<ParameterGrounds, string> = {
  states: 'a value the source states',
  implies: 'a value the source implies only in direction (the magnitude is the modeller\'s reading)',
  context: 'a value for which the source gives context only',
  cited: 'a value cited to the source',
  assumed: 'an assumption: no source gives it',
  default: 'the model\'s default range: the scenario does not bind it',
};

/** The result of a deterrence model over the plausible parameter space around `params`. */
export function deterrenceUncertainty(model: DeterrenceModel, params: Params, options: UncertaintyOptions): DeterrenceUncertainty {
  const n = Math.max(1, Math.floor(options.samples ?? 1000));
  const seed = options.seed ?? 1;
  const shape = options.shape ?? 'pert';
  const base: Record<string, number> = {};
  for (const p of model.parameters) base[p.name] = params[p.name] ?? p.default;
  const varied = model.parameters
    .map((p) => ({ parameter: p.name, range: options.ranges[p.name] ?? p.range }))
    .filter((v) => v.range[1] > v.range[0])
    .map((v) => ({ parameter: v.parameter, range: [v.range[0], v.range[1]] as [number, number] }));
  const root = createRng(seed).split('deterrence');
  const xs: Record<string, number[]> = Object.fromEntries(varied.map((v) => [v.parameter, []]));
  const worst: number[] = [];
  const kindCount = new Map<string, number>();
  let holds = 0;
  let failsSurely = 0;
  let rejected = 0;
  let stopped = false;
  for (let i = 0; worst.length < n && i < 20 * n; i++) {
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    const stream = root.split(i);
    const point = { ...base };
    for (const v of varied) {
      const mode = Math.min(v.range[1], Math.max(v.range[0], base[v.parameter]!));
      point[v.parameter] = sampleRange(stream.split(v.parameter), v.range, mode, shape);
    }
    for (const group of model.probabilityGroups) {
      const sum = group.reduce((s, name) => s + point[name]!, 0);
      if (sum > 0) for (const name of group) point[name] = point[name]! / sum;
      // Exact sum 1 for the model's check: the last member takes the rest.
      point[group[group.length - 1]!] = Math.max(0, 1 - group.slice(0, -1).reduce((s, name) => s + point[name]!, 0));
    }
    const f = failures(model, point);
    if (f === null || !Number.isFinite(f.worst)) {
      rejected++;
      continue;
    }
    worst.push(f.worst);
    if (f.worst < HOLD_EPS) holds++;
    if (f.best > 1 - HOLD_EPS) failsSurely++;
    for (const k of f.kinds) kindCount.set(k, (kindCount.get(k) ?? 0) + 1);
    for (const v of varied) xs[v.parameter]!.push(point[v.parameter]!);
    options.onProgress?.(worst.length, n);
  }
  const m = worst.length;
  const sorted = [...worst].sort((a, b) => a - b);
  const histogram = new Array<number>(10).fill(0);
  for (const w of worst) histogram[Math.min(9, Math.floor(w * 10))]!++;
  const noise = m > 0 ? (3 * 9) / m : 1;
  const wr = ranks(worst);
  const drivers: UncertaintyDriver[] = varied
    .map((v) => ({
      parameter: v.parameter,
      eta2: m > 1 ? correlationRatio(xs[v.parameter]!, worst) : 0,
      rho: m > 1 ? correlation(ranks(xs[v.parameter]!), wr) : 0,
      range: v.range,
      grounds: groundsOf(options.bound?.[v.parameter]),
    }))
    .filter((d) => d.eta2 > noise)
    .sort((a, b) => b.eta2 - a.eta2);
  const at = failures(model, base);
  const share = m > 0 ? holds / m : Number.NaN;
  const result = {
    model: model.id,
    seed,
    shape,
    samples: m,
    rejected,
    varied,
    holds: share,
    holdsMargin: m > 0 ? 1.96 * Math.sqrt((share * (1 - share)) / m) : Number.NaN,
    failsSurely: m > 0 ? failsSurely / m : Number.NaN,
    worst: {
      mean: m > 0 ? worst.reduce((s, w) => s + w, 0) / m : Number.NaN,
      p05: quantileSorted(sorted, 0.05),
      p25: quantileSorted(sorted, 0.25),
      p50: quantileSorted(sorted, 0.5),
      p75: quantileSorted(sorted, 0.75),
      p95: quantileSorted(sorted, 0.95),
      histogram,
    },
    kinds: [...kindCount].map(([kind, c]) => ({ kind, share: m > 0 ? c / m : 0 })).sort((a, b) => b.share - a.share),
    point: at ? { worst: at.worst, best: at.best, holds: at.worst < HOLD_EPS, kinds: at.kinds } : { worst: Number.NaN, best: Number.NaN, holds: false, kinds: [] },
    drivers,
    stopped,
  };
  return { ...result, summary: uncertaintySummary(result) };
}

/** The conclusion in words (English). */
export function uncertaintySummary(u: Omit<DeterrenceUncertainty, 'summary'>): string {
  if (u.samples === 0) return 'No point of the plausible parameter space satisfies the model\'s assumptions.';
  const parts: string[] = [];
  const spread =
    num(u.worst.p05) === num(u.worst.p95)
      ? `the worst-case probability that it fails is ${num(u.worst.p50)} at 90% of the points`
      : `the worst-case probability that it fails lies between ${num(u.worst.p05)} and ${num(u.worst.p95)} (90% of the points, median ${num(u.worst.p50)})`;
  parts.push(
    `Deterrence holds in every equilibrium at ${pct(u.holds)}${u.holdsMargin >= 0.005 ? ` (±${pct(u.holdsMargin)})` : ''} of ${u.samples} points drawn from the plausible parameter space` +
      (u.failsSurely > 0 ? `, and fails whatever the equilibrium at ${pct(u.failsSurely)}` : '') +
      `; ${spread}.`,
  );
  const top = u.drivers.slice(0, 2);
  if (top.length > 0) {
    const named = top.map((d) => `${d.parameter} (${pct(d.eta2)} of the variance, ${d.rho < 0 ? 'higher is safer' : 'higher is riskier'}; ${GROUNDS_WORDS[d.grounds]})`);
    parts.push(`It turns most on ${named.join(' and on ')}.`);
  } else parts.push('No single parameter explains much of the spread.');
  parts.push(
    `At the point values: ${u.point.holds ? 'deterrence holds' : `worst-case failure ${num(u.point.worst)}`}` + (u.point.kinds.length ? ` (${u.point.kinds.join(', ')})` : '') + '.',
  );
  if (u.rejected > 0) parts.push(`${u.rejected} draws broke the model's orderings and were replaced.`);
  return parts.join(' ');
}
