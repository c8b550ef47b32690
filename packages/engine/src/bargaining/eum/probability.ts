/**
 * Probability of success of i against j ([SCS]; docs/bargaining.md, "What the EUM computes", step 2).
 *
 *   P_i(j) = Σ_{k: v_k(i,j) > 0} v_k(i, j)  /  Σ_k |v_k(i, j)|          (0 when x_i = x_j)
 *
 * Third parties k (and i and j themselves) side with the closer of the two, weighted by c_k s_k.
 * With this rule P_i(j) + P_j(i) = 1. Option 'net-votes' is replication [R1]'s reading:
 *   P_i(j) = max(0, Σ_k v_k(i, j)) / Σ_k |v_k(i, j)|.
 * The probabilities do not depend on risk exponents, so they are computed once per round.
 *
 * Fast form (O(n² log n) instead of O(n³)): for x_a < x_b, d = x_b − x_a, m = (x_a + x_b)/2,
 * a voter at x_k gives a (up to the common factor 1/Δx)
 *   w_k d                        if x_k ≤ x_a,
 *   w_k (x_a + x_b − 2 x_k)      if x_a < x_k < x_b   (positive for a below m, for b above m),
 *   −w_k d                       if x_k ≥ x_b,
 * so both vote totals follow from prefix sums of w and w·x over the sorted positions.
 * `successProbabilitiesDirect` is the plain triple loop, kept as the reference for tests.
 *
 * Options reproducing Scholz's own program as transcribed by replication [R2]
 * (`successProbabilitiesWithRisk`, O(n³)):
 *   votes with the voter's risk exponent r_k:  v_k(i, j) = c_k s_k ((|x_k − x_j|/Δx)^r_k − (|x_k − x_i|/Δx)^r_k);
 *   'all-triples':  P_i(j) = Σ_k max(0, v_k(i, j)) / Σ_k Σ_a Σ_b |v_k(a, b)|   (a, b over all actors),
 * a denominator of order n² times the vote-share one, so every P is small. That is what [SCS]
 * Figures 7-10 show: from Belgium's view every challenger's EU is ≈ 0.25, i.e. s_Belgium U_f +
 * (1 − s_Belgium) U_s with P ≈ 0.
 */
import type { EumProbabilityRule } from './types';

function fill(p: number[][], i: number, j: number, forI: number, forJ: number, rule: EumProbabilityRule): void {
  const all = forI + forJ;
  if (!(all > 0)) return;
  if (rule === 'net-votes') {
    p[i]![j] = Math.max(0, forI - forJ) / all;
    p[j]![i] = Math.max(0, forJ - forI) / all;
  } else {
    p[i]![j] = forI / all;
    p[j]![i] = forJ / all;
  }
}

/** P[i][j] for all pairs, by the triple loop (reference implementation). */
export function successProbabilitiesDirect(positions: readonly number[], weights: readonly number[], rule: EumProbabilityRule): number[][] {
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
        const v = weights[k]! * (Math.abs(xk - xj) - Math.abs(xk - xi));
        if (v > 0) forI += v;
        else forJ -= v;
      }
      fill(p, i, j, forI, forJ, rule);
    }
  }
  return p;
}

/** P[i][j] for all pairs (prefix sums over the sorted positions). */
export function successProbabilities(positions: readonly number[], weights: readonly number[], rule: EumProbabilityRule): number[][] {
  if (rule === 'all-triples') {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of positions) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return successProbabilitiesWithRisk(positions, weights, rule, hi > lo ? hi - lo : 1);
  }
  const n = positions.length;
  const p: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => positions[a]! - positions[b]! || a - b);
  const xs = new Float64Array(n);
  const cw = new Float64Array(n + 1); // cw[k] = Σ_{t<k} w
  const cwx = new Float64Array(n + 1); // cwx[k] = Σ_{t<k} w x
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    xs[k] = positions[i]!;
    cw[k + 1] = cw[k]! + weights[i]!;
    cwx[k + 1] = cwx[k]! + weights[i]! * positions[i]!;
  }
  /** Number of sorted positions < x (strict) or <= x. */
  const countBelow = (x: number, inclusive: boolean): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! < x || (inclusive && xs[mid]! === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Index ranges per actor position, computed once.
  const atOrBelow = positions.map((x) => countBelow(x, true));
  const below = positions.map((x) => countBelow(x, false));
  const total = cw[n]!;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const xi = positions[i]!;
      const xj = positions[j]!;
      if (xi === xj) continue;
      const [a, b, xa, xb] = xi < xj ? [i, j, xi, xj] : [j, i, xj, xi];
      const d = xb - xa;
      const m = 0.5 * (xa + xb);
      const kA = atOrBelow[a]!; // voters with x <= xa
      const kM = countBelow(m, false); // voters with x < m
      const kM2 = countBelow(m, true); // voters with x <= m
      const kB = below[b]!; // voters with x < xb
      const forA = d * cw[kA]! + (xa + xb) * (cw[kM]! - cw[kA]!) - 2 * (cwx[kM]! - cwx[kA]!);
      const forB = d * (total - cw[kB]!) + 2 * (cwx[kB]! - cwx[kM2]!) - (xa + xb) * (cw[kB]! - cw[kM2]!);
      if (a === i) fill(p, i, j, forA, forB, rule);
      else fill(p, i, j, forB, forA, rule);
    }
  }
  return p;
}

/**
 * P[i][j] with votes bent by each voter's risk exponent (`risk`, or linear when undefined) and any
 * rule, by the direct O(n³) loop (plus O(n² log n) for the 'all-triples' denominator).
 */
export function successProbabilitiesWithRisk(
  positions: readonly number[],
  weights: readonly number[],
  rule: EumProbabilityRule,
  range: number,
  risk?: readonly number[],
): number[][] {
  const n = positions.length;
  const p: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  // dist[k][a] = (|x_k − x_a| / Δx)^r_k
  const dist: Float64Array[] = positions.map((xk, k) => {
    const r = risk ? risk[k]! : 1;
    const row = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      const d = Math.abs(xk - positions[a]!) / range;
      row[a] = r === 1 ? d : Math.pow(d, r);
    }
    return row;
  });
  let allVotes = 0;
  if (rule === 'all-triples') {
    for (let k = 0; k < n; k++) {
      // Σ_a Σ_b |u_a − u_b| = 2 Σ_{a<b} (u_(b) − u_(a)) over the sorted values.
      const u = Array.from(dist[k]!).sort((x, y) => x - y);
      let prefix = 0;
      let sum = 0;
      for (let t = 0; t < n; t++) {
        sum += t * u[t]! - prefix;
        prefix += u[t]!;
      }
      allVotes += 2 * weights[k]! * sum;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (positions[i] === positions[j]) continue;
      let forI = 0;
      let forJ = 0;
      for (let k = 0; k < n; k++) {
        const v = weights[k]! * (dist[k]![j]! - dist[k]![i]!);
        if (v > 0) forI += v;
        else forJ -= v;
      }
      if (rule === 'all-triples') {
        if (allVotes > 0) {
          p[i]![j] = forI / allVotes;
          p[j]![i] = forJ / allVotes;
        }
      } else {
        fill(p, i, j, forI, forJ, rule);
      }
    }
  }
  return p;
}
