/**
 * Expected utility of i challenging j ([SCS], after BDM 1994; docs/bargaining.md, "What the EUM
 * computes", step 4):
 *
 *   EU_i(j) = s_j [ P_i(j) U_s + (1 − P_i(j)) U_f ] + (1 − s_j) U_s
 *             − Q U_sq − (1 − Q) [ T U_b + (1 − T) U_w ]
 *
 * j resists with probability s_j (its salience); if it does not resist, i succeeds outright.
 * Q and T default to 1 (as in [SCS]'s replication runs and both public replications); then the
 * last bracket vanishes. The utilities are evaluated with the risk exponent `r` of whoever does the
 * evaluating: i's own expectation uses r_i; i's perception of j's expectation of challenging i
 * also uses r_i ([SCS]/BDM "perception" framing; option perspective = 'actor' uses r_j instead).
 */
import { contestUtilities } from './utilities';

export interface ChallengeContext {
  positions: readonly number[];
  saliences: readonly number[];
  /** P[i][j] (probability.ts). */
  probabilities: readonly (readonly number[])[];
  median: number;
  range: number;
  q: number;
  t: number;
}

/** EU of `challenger` challenging `target`, evaluated with risk exponent r. 0 when they share a position. */
export function challengeEu(ctx: ChallengeContext, challenger: number, target: number, r: number): number {
  const xi = ctx.positions[challenger]!;
  const xj = ctx.positions[target]!;
  if (xi === xj) return 0;
  // The utilities of utilities.ts, inlined (this is the model's inner loop).
  const delta = Math.min(1, Math.abs(xi - xj) / ctx.range);
  const success = r === 1 ? 2 * delta : 2 - 4 * Math.pow(0.5 - 0.5 * delta, r);
  const failure = r === 1 ? -2 * delta : 2 - 4 * Math.pow(0.5 + 0.5 * delta, r);
  const statusQuo = r === 1 ? 0 : 2 - 4 * Math.pow(0.5, r);
  const p = ctx.probabilities[challenger]![target]!;
  const sj = ctx.saliences[target]!;
  const challenge = sj * (p * success + (1 - p) * failure) + (1 - sj) * success;
  if (ctx.q === 1) return challenge - statusQuo;
  const u = contestUtilities(xi, xj, ctx.median, ctx.range, r);
  return challenge - (ctx.q * statusQuo + (1 - ctx.q) * (ctx.t * u.better + (1 - ctx.t) * u.worse));
}

/** EU[i][j] = challengeEu(i, j, r[i]) for all pairs. */
export function challengeEuMatrix(ctx: ChallengeContext, risk: readonly number[]): number[][] {
  const n = ctx.positions.length;
  const eu: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) eu[i]![j] = challengeEu(ctx, i, j, risk[i]!);
  return eu;
}

/**
 * Both directions of every dyad as actor i sees it, in one pass: own[i][j] = EU_i(j) with r_i and
 * perceived[i][j] = EU_j(i) with r_i (j's expected gain from challenging i, in i's eyes). With Q = 1
 * both use the same U_s, U_f, U_sq (same δ, same r_i), so the powers are computed once per pair.
 */
export function dyadEuMatrices(ctx: ChallengeContext, risk: readonly number[]): { own: number[][]; perceived: number[][] } {
  const n = ctx.positions.length;
  const own: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const perceived: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const r = risk[i]!;
    const xi = ctx.positions[i]!;
    const si = ctx.saliences[i]!;
    const statusQuo = r === 1 ? 0 : 2 - 4 * Math.pow(0.5, r);
    const pRow = ctx.probabilities[i]!;
    for (let j = 0; j < n; j++) {
      const xj = ctx.positions[j]!;
      if (i === j || xi === xj) continue;
      if (ctx.q !== 1) {
        own[i]![j] = challengeEu(ctx, i, j, r);
        perceived[i]![j] = challengeEu(ctx, j, i, r);
        continue;
      }
      const delta = Math.min(1, Math.abs(xi - xj) / ctx.range);
      const success = r === 1 ? 2 * delta : 2 - 4 * Math.pow(0.5 - 0.5 * delta, r);
      const failure = r === 1 ? -2 * delta : 2 - 4 * Math.pow(0.5 + 0.5 * delta, r);
      const pij = pRow[j]!;
      const pji = ctx.probabilities[j]![i]!;
      const sj = ctx.saliences[j]!;
      own[i]![j] = sj * (pij * success + (1 - pij) * failure) + (1 - sj) * success - statusQuo;
      perceived[i]![j] = si * (pji * success + (1 - pji) * failure) + (1 - si) * success - statusQuo;
    }
  }
  return { own, perceived };
}
