/**
 * Votes and the median voter position ([SCS]; docs/bargaining.md, "What the EUM computes", step 1).
 *
 *   v_i(j, k) = c_i s_i ( |x_i − x_k| − |x_i − x_j| ) / Δx        (i's vote for x_j over x_k)
 *
 * x_j beats x_k when Σ_i v_i(j, k) > 0. The median voter position μ is the Condorcet winner among
 * the actors' positions; with these linear utilities on a line it is the weighted median with
 * weights w_i = c_i s_i (Black 1948), computed directly: the smallest position at which the
 * cumulative weight reaches half the total (an exact half-weight tie takes the lower position).
 * Option 'weighted-mean' reproduces replication [R1], which uses Σ w x / Σ w instead.
 */
import type { EumMedianRule } from './types';

/** Actor i's vote for position xj over xk. */
export function vote(weight: number, xi: number, xj: number, xk: number, range: number): number {
  return (weight * (Math.abs(xi - xk) - Math.abs(xi - xj))) / range;
}

/** Total vote for xj over xk. */
export function totalVote(weights: readonly number[], positions: readonly number[], xj: number, xk: number, range: number): number {
  let sum = 0;
  for (let i = 0; i < positions.length; i++) sum += vote(weights[i]!, positions[i]!, xj, xk, range);
  return sum;
}

/** Weighted median: smallest x whose cumulative weight reaches half the total. */
export function weightedMedian(positions: readonly number[], weights: readonly number[]): number {
  const n = positions.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => positions[a]! - positions[b]! || a - b);
  let total = 0;
  for (const w of weights) total += w;
  const half = total / 2;
  let cumulative = 0;
  let k = 0;
  while (k < n) {
    // Sum the weight of all actors at this position before comparing, so the order of equal positions never matters.
    const x = positions[order[k]!]!;
    while (k < n && positions[order[k]!]! === x) cumulative += weights[order[k++]!]!;
    if (cumulative >= half * (1 - 1e-12)) return x;
  }
  return positions[order[n - 1]!]!;
}

export function weightedMean(positions: readonly number[], weights: readonly number[]): number {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < positions.length; i++) {
    sw += weights[i]!;
    swx += weights[i]! * positions[i]!;
  }
  return swx / sw;
}

/** μ under the chosen rule. */
export function medianVoterPosition(positions: readonly number[], weights: readonly number[], rule: EumMedianRule): number {
  return rule === 'weighted-mean' ? weightedMean(positions, weights) : weightedMedian(positions, weights);
}

/** The Condorcet winner among the positions by pairwise totals (O(n²)); for tests of the weighted median. */
export function condorcetWinner(positions: readonly number[], weights: readonly number[], range: number): number | undefined {
  const distinct = [...new Set(positions)].sort((a, b) => a - b);
  for (const xj of distinct) {
    if (distinct.every((xk) => xk === xj || totalVote(weights, positions, xj, xk, range) >= 0)) return xj;
  }
  return undefined;
}
