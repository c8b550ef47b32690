/**
 * Expected utility of i challenging j ([SCS] §4, BDM 1994; spec §B.5):
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
  const u = contestUtilities(xi, xj, ctx.median, ctx.range, r);
  const p = ctx.probabilities[challenger]![target]!;
  const sj = ctx.saliences[target]!;
  const challenge = sj * (p * u.success + (1 - p) * u.failure) + (1 - sj) * u.success;
  const noChallenge = ctx.q * u.statusQuo + (1 - ctx.q) * (ctx.t * u.better + (1 - ctx.t) * u.worse);
  return challenge - noChallenge;
}

/** EU[i][j] = challengeEu(i, j, r[i]) for all pairs. */
export function challengeEuMatrix(ctx: ChallengeContext, risk: readonly number[]): number[][] {
  const n = ctx.positions.length;
  const eu: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) eu[i]![j] = challengeEu(ctx, i, j, risk[i]!);
  return eu;
}
