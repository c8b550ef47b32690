/**
 * Proper scores and interval coverage for predictive distributions of counts, given as
 * probability mass functions p_0..p_K (Gneiting & Raftery, "Strictly proper scoring rules,
 * prediction, and estimation", JASA 102(477), 2007; Czado, Gneiting & Held, "Predictive model
 * assessment for count data", Biometrics 65(4), 2009):
 *
 *   log score  LogS(p, y) = ln p_y                                     (positively oriented)
 *   CRPS       CRPS(p, y) = Σ_{k≥0} (F(k) − 1{y ≤ k})²,  F(k) = Σ_{j≤k} p_j   (negatively oriented)
 *   quantile   q_α = min{ k : F(k) ≥ α }
 *   coverage   share of cases with q_{(1−c)/2} ≤ y ≤ q_{(1+c)/2} for the central c interval
 *              (for counts the intervals are closed, so coverage tends to exceed c)
 *
 * The pmf is truncated where F(k) > 1 − 1e-12; mass beyond is added to the last point.
 */

/** Poisson pmf with mean λ, truncated as above. */
export function poissonPmf(lambda: number): Float64Array {
  const out: number[] = [];
  let p = Math.exp(-lambda);
  let cum = 0;
  for (let k = 0; k < 10_000; k++) {
    out.push(p);
    cum += p;
    if (cum > 1 - 1e-12 && k >= lambda) break;
    p *= lambda / (k + 1);
  }
  out[out.length - 1]! += Math.max(0, 1 - cum);
  return Float64Array.from(out);
}

export function logScore(pmf: Float64Array, y: number): number {
  return Math.log(y < pmf.length ? pmf[y]! : 0);
}

export function crps(pmf: Float64Array, y: number): number {
  let F = 0;
  let s = 0;
  const n = Math.max(pmf.length, y + 1);
  for (let k = 0; k < n; k++) {
    F += k < pmf.length ? pmf[k]! : 0;
    const d = F - (y <= k ? 1 : 0);
    s += d * d;
  }
  return s;
}

export function quantile(pmf: Float64Array, alpha: number): number {
  let F = 0;
  for (let k = 0; k < pmf.length; k++) {
    F += pmf[k]!;
    if (F >= alpha - 1e-12) return k;
  }
  return pmf.length - 1;
}

export interface ScoreSummary {
  /** Mean CRPS (lower is better). */
  crps: number;
  /** Mean log score ln p(y) (higher is better). */
  log_score: number;
  /** Share of observations inside the central 50% interval. */
  coverage50: number;
  /** Share of observations inside the central 90% interval. */
  coverage90: number;
}

export function summariseScores(pmfs: readonly Float64Array[], observed: readonly number[]): ScoreSummary {
  let c = 0;
  let l = 0;
  let in50 = 0;
  let in90 = 0;
  pmfs.forEach((p, i) => {
    const y = observed[i]!;
    c += crps(p, y);
    l += logScore(p, y);
    if (quantile(p, 0.25) <= y && y <= quantile(p, 0.75)) in50++;
    if (quantile(p, 0.05) <= y && y <= quantile(p, 0.95)) in90++;
  });
  const n = Math.max(1, pmfs.length);
  return { crps: c / n, log_score: l / n, coverage50: in50 / n, coverage90: in90 / n };
}
