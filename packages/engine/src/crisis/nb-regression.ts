/**
 * Negative binomial (NB2) regression by maximum likelihood (Cameron & Trivedi, Regression Analysis
 * of Count Data, 2nd ed., Cambridge UP 2013, §3.3; Hilbe, Negative Binomial Regression, 2nd ed. 2011, ch. 8).
 *
 *   y_i ~ NB(mean μ_i, shape r),   log μ_i = x_iᵀβ,   Var y_i = μ_i + μ_i² / r,
 *   ℓ(β, r) = Σ_i [ lnΓ(y_i + r) − lnΓ(r) − ln y_i! + r ln(r / (r + μ_i)) + y_i ln(μ_i / (r + μ_i)) ].
 *
 * For fixed r, β is found by Fisher scoring (iteratively reweighted least squares):
 *   score  U = Σ_i x_i (y_i − μ_i) r / (r + μ_i),
 *   information  I = Σ_i x_i x_iᵀ μ_i r / (r + μ_i),   β ← β + I⁻¹ U,
 * and r by golden-section search of the profile likelihood ℓ(β̂(r), r) over ln r ∈ [ln 0.05, ln 1000]
 * (r → ∞ is the Poisson model). The covariance of β̂ is I⁻¹ at the optimum.
 *
 * Separation (a covariate whose months all have zero counts, e.g. the 2018 summit diplomacy) sends
 * the maximum-likelihood coefficient to −∞. Each slope therefore carries a weakly informative
 * normal prior N(0, σ²), σ = 2.5 on the log rate ratio (the scale of Gelman, Jakulin, Pittau & Su,
 * "A weakly informative default prior distribution for logistic and other regression models",
 * Annals of Applied Statistics 2(4), 2008): the fit is the posterior mode (penalised likelihood
 * ℓ − Σ_k β_k² / 2σ²; score − β_k/σ², information + 1/σ²) and the covariance its Laplace
 * approximation (I + diag(1/σ²))⁻¹. The intercept is not penalised.
 */
import { logGamma } from './inverse-cdf';

export interface NbFit {
  readonly beta: number[];
  /** Covariance of β̂ (inverse Fisher information at the optimum, r held fixed). */
  readonly covariance: number[][];
  /** Prior standard deviation of the slopes. */
  readonly priorSd: number;
  /** NB shape r (dispersion 1/r). */
  readonly shape: number;
  readonly logLik: number;
  readonly n: number;
  readonly iterations: number;
}

export function nbLogPmf(y: number, mu: number, r: number): number {
  return logGamma(y + r) - logGamma(r) - logGamma(y + 1) + r * Math.log(r / (r + mu)) + (y > 0 ? y * Math.log(mu / (r + mu)) : 0);
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]!;
    if (Math.abs(piv) < 1e-300) throw new Error('singular information matrix (a covariate without variation?)');
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / piv;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

function invert(a: number[][]): number[][] {
  const n = a.length;
  const cols = Array.from({ length: n }, (_, j) => solve(a, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => cols[j]![i]!));
}

function fitBeta(x: readonly (readonly number[])[], y: readonly number[], r: number, start: number[], priorSd: number): { beta: number[]; info: number[][]; logLik: number; logPost: number; iterations: number } {
  const prec = 1 / (priorSd * priorSd);
  const p = start.length;
  let beta = [...start];
  let info: number[][] = [];
  let iterations = 0;
  for (; iterations < 100; iterations++) {
    const u = new Array<number>(p).fill(0);
    info = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < y.length; i++) {
      const xi = x[i]!;
      let eta = 0;
      for (let k = 0; k < p; k++) eta += xi[k]! * beta[k]!;
      const mu = Math.exp(eta);
      const w = (mu * r) / (r + mu);
      const g = ((y[i]! - mu) * r) / (r + mu);
      for (let k = 0; k < p; k++) {
        u[k]! += xi[k]! * g;
        for (let l = 0; l < p; l++) info[k]![l]! += xi[k]! * xi[l]! * w;
      }
    }
    for (let k = 1; k < p; k++) {
      u[k]! -= beta[k]! * prec;
      info[k]![k]! += prec;
    }
    const step = solve(info, u);
    let size = 0;
    // Damp long steps (the log link can overshoot from a poor start).
    const scale = Math.min(1, 2 / Math.max(1e-12, Math.max(...step.map(Math.abs))));
    beta = beta.map((b, k) => {
      size = Math.max(size, Math.abs(step[k]! * scale));
      return b + step[k]! * scale;
    });
    if (size < 1e-10) break;
  }
  let logLik = 0;
  for (let i = 0; i < y.length; i++) {
    let eta = 0;
    for (let k = 0; k < p; k++) eta += x[i]![k]! * beta[k]!;
    logLik += nbLogPmf(y[i]!, Math.exp(eta), r);
  }
  let penalty = 0;
  for (let k = 1; k < p; k++) penalty += (beta[k]! * beta[k]! * prec) / 2;
  return { beta, info, logLik, logPost: logLik - penalty, iterations };
}

/** Fits the NB2 regression of counts `y` on the rows of `x` (include a column of ones for the intercept). */
export function fitNegativeBinomial(x: readonly (readonly number[])[], y: readonly number[], priorSd = 2.5): NbFit {
  const p = x[0]?.length ?? 0;
  const meanY = y.reduce((s, v) => s + v, 0) / Math.max(1, y.length);
  const start = new Array<number>(p).fill(0);
  start[0] = Math.log(Math.max(meanY, 1e-3));
  const profile = (logR: number) => fitBeta(x, y, Math.exp(logR), start, priorSd);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.05);
  let b = Math.log(1000);
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = profile(c).logPost;
  let fd = profile(d).logPost;
  for (let it = 0; it < 80 && b - a > 1e-7; it++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = profile(c).logPost;
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = profile(d).logPost;
    }
  }
  const shape = Math.exp((a + b) / 2);
  const best = fitBeta(x, y, shape, start, priorSd);
  return { beta: best.beta, covariance: invert(best.info), shape, priorSd, logLik: best.logLik, n: y.length, iterations: best.iterations };
}
