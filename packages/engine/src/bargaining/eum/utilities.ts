/**
 * Utilities of the outcomes of a contest between challenger i and target j, seen with risk
 * exponent r ([SCS], after BDM 1985/1994; docs/bargaining.md, "What the EUM computes", step 4).
 * With δ = |x_i − x_j|/Δx and β = (|x_i − μ| + |x_i − x_j|) / (2Δx):
 *
 *   U_s  = 2 − 4 (0.5 − 0.5 δ)^r      success: j moves to x_i
 *   U_f  = 2 − 4 (0.5 + 0.5 δ)^r      failure: i moves to x_j
 *   U_b  = 2 − 4 (0.5 − 0.5 β)^r      status quo drifts toward i
 *   U_w  = 2 − 4 (0.5 + 0.5 β)^r      status quo drifts away from i
 *   U_sq = 2 − 4 (0.5)^r              status quo
 *
 * All lie in [−2, 2]; r < 1 is risk-acceptant, r > 1 risk-averse; U_sq = 0 at r = 1.
 */

export interface ContestUtilities {
  success: number;
  failure: number;
  better: number;
  worse: number;
  statusQuo: number;
}

export function contestUtilities(xi: number, xj: number, median: number, range: number, r: number): ContestUtilities {
  const delta = Math.min(1, Math.abs(xi - xj) / range);
  const beta = Math.min(1, (Math.abs(xi - median) + Math.abs(xi - xj)) / (2 * range));
  return {
    success: 2 - 4 * Math.pow(0.5 - 0.5 * delta, r),
    failure: 2 - 4 * Math.pow(0.5 + 0.5 * delta, r),
    better: 2 - 4 * Math.pow(0.5 - 0.5 * beta, r),
    worse: 2 - 4 * Math.pow(0.5 + 0.5 * beta, r),
    statusQuo: 2 - 4 * Math.pow(0.5, r),
  };
}
