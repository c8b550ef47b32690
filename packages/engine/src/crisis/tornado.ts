/**
 * Tornado (one-at-a-time) sensitivity over the assumption ranges (Howard, "Decision analysis:
 * practice and promise", Management Science 34(6), 1988; the deterrence module's `tornado` does
 * the same for a game). Every ranged parameter is set to the low and then the high end of its
 * range with all others at their scenario values; each of the 2K + 1 points (K parameters plus the
 * base) is run R times on common random numbers (./design.ts). A bar is the outcome probability at
 * the two ends; bars are ordered by their largest swing over the outcomes. The Monte Carlo error of
 * a swing is small because the points share their random numbers; parameters whose swing is below
 * 1/R for every outcome are indistinguishable from no effect.
 */
import type { CompiledCrisisModel } from './compile';
import { evaluateDesign, type DesignSpec } from './design';

export interface TornadoBar {
  key: string;
  label: string;
  low: number;
  high: number;
  /** Per outcome (model order): probability with the parameter at its low and high end. */
  atLow: number[];
  atHigh: number[];
  /** Largest |atHigh − atLow| over the outcomes. */
  swing: number;
}

export interface TornadoResult {
  runsPerPoint: number;
  outcomes: { id: string; label: string }[];
  base: number[];
  bars: TornadoBar[];
}

export interface TornadoOptions {
  seed?: number | string;
  weeks?: number;
  /** Runs per point (default 200). */
  runsPerPoint?: number;
  /** Parameter indices (default: every parameter with a range). */
  params?: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

export interface TornadoDesign {
  readonly spec: DesignSpec;
  readonly chosen: readonly number[];
}

/** The 2K + 1 points of a tornado: base, then each parameter at its low and high end. */
export function tornadoDesign(model: CompiledCrisisModel, options: TornadoOptions = {}): TornadoDesign {
  const R = options.runsPerPoint ?? 200;
  const chosen = options.params ?? model.params.map((p, i) => (p.hi > p.lo ? i : -1)).filter((i) => i >= 0);
  const points: number[][] = [[]];
  for (const i of chosen) {
    const p = model.params[i]!;
    points.push([i, p.lo], [i, p.hi]);
  }
  return { spec: { seed: options.seed ?? 1, weeks: options.weeks ?? model.defaultWeeks, runsPerPoint: R, points }, chosen };
}

/** The tornado from the design's counts ([point][outcome]). */
export function tornadoFromCounts(model: CompiledCrisisModel, design: TornadoDesign, counts: Int32Array): TornadoResult {
  const R = design.spec.runsPerPoint;
  const nO = model.outcomes.length;
  const probs = (point: number) => Array.from({ length: nO }, (_, o) => counts[point * nO + o]! / R);
  const bars = design.chosen.map((i, k) => {
    const p = model.params[i]!;
    const atLow = probs(1 + 2 * k);
    const atHigh = probs(2 + 2 * k);
    return { key: p.key, label: p.label, low: p.lo, high: p.hi, atLow, atHigh, swing: Math.max(...atLow.map((x, o) => Math.abs(atHigh[o]! - x))) };
  });
  bars.sort((a, b) => b.swing - a.swing || (a.key < b.key ? -1 : 1));
  return { runsPerPoint: R, outcomes: model.outcomes.map((o) => ({ id: o.id, label: o.label.en })), base: probs(0), bars };
}

export function ensembleTornado(model: CompiledCrisisModel, options: TornadoOptions = {}): TornadoResult {
  const design = tornadoDesign(model, options);
  return tornadoFromCounts(model, design, evaluateDesign(model, design.spec, { onProgress: options.onProgress }));
}
