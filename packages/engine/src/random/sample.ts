/**
 * Sampling a value from an uncertainty range `[lo, hi]` (the `range` of a cited value).
 *
 * - no mode: uniform on [lo, hi];
 * - mode, shape "pert" (default): beta-PERT with λ = 4 (Vose, "Risk Analysis", 3rd ed., 2008, §10.3.2):
 *     α = 1 + λ (mode − lo)/(hi − lo),  β = 1 + λ (hi − mode)/(hi − lo),  x = lo + (hi − lo) B(α, β);
 *   B(α, β) = G_α / (G_α + G_β) with gamma deviates by Marsaglia and Tsang (ACM TOMS 26(3), 2000);
 * - mode, shape "triangular": inverse CDF of the triangular distribution (lo, mode, hi).
 */
import type { Rng } from './rng';

export type RangeShape = 'pert' | 'triangular' | 'uniform';

/** Gamma(shape, 1) deviate, Marsaglia-Tsang; shape < 1 via the boost G(a) = G(a+1) U^(1/a). */
export function sampleGamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(1 - rng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(α, β) deviate. */
export function sampleBeta(rng: Rng, alpha: number, beta: number): number {
  const a = sampleGamma(rng, alpha);
  const b = sampleGamma(rng, beta);
  return a / (a + b);
}

/** A value from `[lo, hi]`; with `mode`, beta-PERT (default) or triangular around it. */
export function sampleRange(rng: Rng, range: readonly [number, number], mode?: number, shape: RangeShape = 'pert'): number {
  const [lo, hi] = range;
  if (!(lo <= hi)) throw new RangeError(`range must be [low, high] with low <= high, got [${lo}, ${hi}]`);
  if (hi === lo) return lo;
  if (mode === undefined || shape === 'uniform') return rng.uniform(lo, hi);
  if (!(mode >= lo && mode <= hi)) throw new RangeError(`mode ${mode} lies outside [${lo}, ${hi}]`);
  const w = hi - lo;
  if (shape === 'triangular') {
    const u = rng.next();
    const f = (mode - lo) / w;
    return u < f ? lo + Math.sqrt(u * w * (mode - lo)) : hi - Math.sqrt((1 - u) * w * (hi - mode));
  }
  const lambda = 4;
  const x = lo + w * sampleBeta(rng, 1 + (lambda * (mode - lo)) / w, 1 + (lambda * (hi - mode)) / w);
  return Math.min(hi, Math.max(lo, x));
}
