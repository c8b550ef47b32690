/**
 * Inverse-CDF sampling: every uncertain number of a run is x = F⁻¹(u) with one uniform u, so two
 * variants of a scenario draw the same u for the same parameter and differ only where their ranges
 * differ (common random numbers, quantile coupling; Glasserman, Monte Carlo Methods in Financial
 * Engineering, Springer 2004, §4.2).
 *
 * - beta-PERT (lo, mode, hi) with λ = 4 (Vose, Risk Analysis, 3rd ed. 2008, §10.3.2):
 *     α = 1 + λ (mode − lo)/(hi − lo),  β = 1 + λ (hi − mode)/(hi − lo),
 *   density ∝ t^(α−1) (1 − t)^(β−1) on t ∈ [0, 1]; α, β ∈ [1, 5], so the density is bounded and its
 *   CDF is tabulated by the trapezoid rule on 4096 cells and inverted into a 257-point quantile table
 *   (interpolated linearly; error below 1e-3 of the range, small enough next to the ranges' own
 *   imprecision, and the tables of ~200 numbers stay in cache);
 * - triangular (lo, mode, hi): closed-form inverse CDF;
 * - uniform: lo + u (hi − lo);
 * - standard normal: Acklam's rational approximation (relative error below 1.2e-9;
 *   P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function", 2003);
 * - gamma(shape r, rate r) (mean 1): the regularised incomplete gamma P(r, x) (series and continued
 *   fraction, Press et al., Numerical Recipes 3rd ed., §6.2) inverted by bisection into a
 *   257-point table, with the tail beyond the last point extrapolated linearly.
 */

export type SamplingShape = 'pert' | 'triangular' | 'uniform';

const TABLE = 256;
const CELLS = 4096;

/** Quantiles of beta-PERT(lo, mode, hi) at u = k/256, k = 0..256. */
export function pertQuantiles(lo: number, mode: number, hi: number): Float64Array {
  const q = new Float64Array(TABLE + 1);
  const w = hi - lo;
  if (!(w > 0)) return q.fill(lo);
  const a = 1 + (4 * (mode - lo)) / w;
  const b = 1 + (4 * (hi - mode)) / w;
  const cdf = new Float64Array(CELLS + 1);
  let prev = density(0, a, b);
  for (let i = 1; i <= CELLS; i++) {
    const f = density(i / CELLS, a, b);
    cdf[i] = cdf[i - 1]! + (prev + f) / (2 * CELLS);
    prev = f;
  }
  const total = cdf[CELLS]!;
  let j = 0;
  for (let k = 0; k <= TABLE; k++) {
    const target = (k / TABLE) * total;
    while (j < CELLS && cdf[j + 1]! < target) j++;
    const c0 = cdf[j]!;
    const c1 = cdf[Math.min(CELLS, j + 1)]!;
    const frac = c1 > c0 ? (target - c0) / (c1 - c0) : 0;
    q[k] = lo + w * Math.min(1, (j + frac) / CELLS);
  }
  q[0] = lo;
  q[TABLE] = hi;
  return q;
}

function density(t: number, a: number, b: number): number {
  return Math.pow(t, a - 1) * Math.pow(1 - t, b - 1);
}

/** x = Q(u) from a 257-point quantile table, linear between points. */
export function fromTable(table: Float64Array, u: number): number {
  const x = u * TABLE;
  const k = Math.min(TABLE - 1, Math.floor(x));
  const f = x - k;
  return table[k]! + f * (table[k + 1]! - table[k]!);
}

/** Inverse CDF of the triangular distribution (lo, mode, hi). */
export function triangularQuantile(lo: number, mode: number, hi: number, u: number): number {
  const w = hi - lo;
  if (!(w > 0)) return lo;
  const f = (mode - lo) / w;
  return u < f ? lo + Math.sqrt(u * w * (mode - lo)) : hi - Math.sqrt((1 - u) * w * (hi - mode));
}

/** How a parameter is drawn from its uniform: 0 fixed, 1 quantile table (PERT), 2 triangular, 3 uniform, 4 standard normal. */
export type SamplerKind = 0 | 1 | 2 | 3 | 4;

export interface Sampler {
  readonly kind: SamplerKind;
  /** The 257-point quantile table (kind 1). */
  readonly table: Float64Array | null;
  sample(u: number): number;
}

/** A sampler of one uncertain number: value = sample(u) for a uniform u. */
export function makeSampler(lo: number, mode: number, hi: number, shape: SamplingShape): Sampler {
  if (!(hi > lo)) return { kind: 0, table: null, sample: () => mode };
  if (shape === 'uniform') return { kind: 3, table: null, sample: (u) => lo + u * (hi - lo) };
  if (shape === 'triangular') return { kind: 2, table: null, sample: (u) => triangularQuantile(lo, mode, hi, u) };
  const table = pertQuantiles(lo, mode, hi);
  return { kind: 1, table, sample: (u) => fromTable(table, u) };
}

export const QUANTILE_TABLE_SIZE = TABLE + 1;

// Acklam's coefficients.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Standard normal quantile Φ⁻¹(u), u in (0, 1). */
export function normalQuantile(u: number): number {
  if (u <= 0) return -Infinity;
  if (u >= 1) return Infinity;
  let x: number;
  if (u < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(u));
    x = (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else if (u > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    x = -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else {
    const q = u - 0.5;
    const r = q * q;
    return ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  }
  return x;
}

/** ln Γ(x) (Lanczos, g = 7, n = 9). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised lower incomplete gamma P(a, x). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const gln = logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let del = sum;
    let ap = a;
    for (let n = 0; n < 500; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) break;
    }
    return sum * Math.exp(-x + a * Math.log(x) - gln);
  }
  // Continued fraction (modified Lentz) for Q, then P = 1 - Q.
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return 1 - Math.exp(-x + a * Math.log(x) - gln) * h;
}

const gammaTables = new Map<number, Float64Array>();

/** Quantile table of Gamma(shape r, rate r) (mean 1, variance 1/r) at u = k/256 (memoised by r). */
export function gammaMeanOneQuantiles(r: number): Float64Array {
  const hit = gammaTables.get(r);
  if (hit) return hit;
  const q = new Float64Array(TABLE + 1);
  for (let k = 1; k < TABLE; k++) {
    const target = k / TABLE;
    let lo = 0;
    let hi = 1;
    while (gammaP(r, hi * r) < target) hi *= 2;
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      if (gammaP(r, mid * r) < target) lo = mid;
      else hi = mid;
    }
    q[k] = (lo + hi) / 2;
  }
  q[0] = 0;
  // The last cell's upper end: extrapolate the tail beyond the 255/256 quantile.
  q[TABLE] = q[TABLE - 1]! + (q[TABLE - 1]! - q[TABLE - 2]!) * 2;
  gammaTables.set(r, q);
  return q;
}
