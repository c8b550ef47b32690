/**
 * Probability of success of i against j ([SCS] §3; spec §B.3).
 *
 *   P_i(j) = Σ_{k: v_k(i,j) > 0} v_k(i, j)  /  Σ_k |v_k(i, j)|          (0 when x_i = x_j)
 *
 * Third parties k (and i and j themselves) side with the closer of the two, weighted by c_k s_k.
 * With this rule P_i(j) + P_j(i) = 1. Option 'net-votes' is replication [R1]'s reading:
 *   P_i(j) = max(0, Σ_k v_k(i, j)) / Σ_k |v_k(i, j)|.
 * The probabilities do not depend on risk exponents, so they are computed once per round: O(n³).
 */
import type { EumProbabilityRule } from './types';

/** P[i][j] for all pairs. */
export function successProbabilities(
  positions: readonly number[],
  weights: readonly number[],
  rule: EumProbabilityRule,
): number[][] {
  const n = positions.length;
  const p: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const xi = positions[i]!;
    for (let j = i + 1; j < n; j++) {
      const xj = positions[j]!;
      if (xi === xj) continue;
      let forI = 0;
      let forJ = 0;
      for (let k = 0; k < n; k++) {
        const xk = positions[k]!;
        // Votes for i over j; the 1/Δx factor cancels in the ratio.
        const v = weights[k]! * (Math.abs(xk - xj) - Math.abs(xk - xi));
        if (v > 0) forI += v;
        else forJ -= v;
      }
      const all = forI + forJ;
      if (all <= 0) continue;
      if (rule === 'net-votes') {
        p[i]![j] = Math.max(0, forI - forJ) / all;
        p[j]![i] = Math.max(0, forJ - forI) / all;
      } else {
        p[i]![j] = forI / all;
        p[j]![i] = forJ / all;
      }
    }
  }
  return p;
}
