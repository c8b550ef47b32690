/**
 * Value of a challenge as estimated by actor h (KTAB examples/smp/libsrc/smpbcn.cpp
 * SMPState::probEduChlg; KTAB/kmodel/libsrc/kmodel.cpp Actor::vProbLittle, Actor::thirdPartyVoteSU;
 * docs/smp.md, "What it computes", step 2).
 *
 * With U = U_h (h's perspective utilities), S_x = total salience and W_x = S_x c_x:
 *  1. principals a = VR(W_i, U[i][i], U[i][j]), b = VR(W_j, U[j][i], U[j][j]);
 *     Cij = 1e-10 + max(0,a) + max(0,b), Cji = 1e-10 + max(0,-a) + max(0,-b); Ci0, Cj0 := these.
 *  2. each third party n (ascending): e = VR(W_n, U[n][i], U[n][j]),
 *     pin = (Ci0 + max(0,e)) / (Ci0 + max(0,e) + Cj0 + max(0,-e)), pjn = 1 - pin;
 *     SemiCommit: A = pin (2U[n][i] + U[n][n]) + pjn (3U[n][j]), B = pin (3U[n][i]) + pjn (2U[n][j] + U[n][n])
 *     (FullCommit / NoCommit make A = B); v = VR(W_n, A, B) adds to Cij or Cji.
 *  3. phij = Cij / (Cij + Cji).
 *  4. for affected actor k: E_sq = U[k][i] + U[k][j], E_win = 2U[k][i], E_lose = 2U[k][j],
 *     E_c = phij E_win + phji E_lose, E_chlg = (1 - S_j) E_win + S_j E_c; value = E_chlg - E_sq.
 */
import type { ThirdPartyCommit, VotingRule } from './types';
import { vote } from './voting';

export interface ChallengeContext {
  n: number;
  /** W_x = S_x c_x per actor. */
  salientPower: Float64Array;
  /** S_x per actor. */
  totalSalience: Float64Array;
  rule: VotingRule;
  commit: ThirdPartyCommit;
}

/** h's estimate that i beats j (U = U_h, row-major N x N). */
export function challengeWinProbability(ctx: ChallengeContext, u: Float64Array, i: number, j: number): [number, number] {
  const { n, salientPower: w, rule, commit } = ctx;
  const uii = u[i * n + i]!;
  const uij = u[i * n + j]!;
  const uji = u[j * n + i]!;
  const ujj = u[j * n + j]!;
  const minCltn = 1e-10;
  const contribI = vote(rule, w[i]!, uii, uij);
  const contribJ = vote(rule, w[j]!, uji, ujj);
  let chij = minCltn;
  let chji = minCltn;
  if (contribI > 0) chij = chij + contribI;
  if (contribI < 0) chji = chji - contribI;
  if (contribJ > 0) chij = chij + contribJ;
  if (contribJ < 0) chji = chji - contribJ;
  const ci0 = chij;
  const cj0 = chji;
  const proportional = rule === 'Proportional';
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const wm = w[m]!;
    const row = m * n;
    const umi = u[row + i]!;
    const umj = u[row + j]!;
    const umm = u[row + m]!;
    // little contest (i:j) with m joining whichever side it prefers
    const e = proportional ? wm * (umi - umj) : vote(rule, wm, umi, umj);
    const cni = e > 0 ? ci0 + e : ci0;
    const cnj = e < 0 ? cj0 - e : cj0;
    const pin = cni / (cni + cnj);
    const pjn = 1.0 - pin;
    let uIkJ: number; // m sides with i
    let uJkI: number; // j beats (i with m)
    let uIJk: number; // i beats (j with m)
    let uJKi: number; // (j with m) beats i
    switch (commit) {
      case 'SemiCommit':
        uIkJ = umi + umi + umm;
        uJkI = umj + umj + umj;
        uIJk = umi + umi + umi;
        uJKi = umj + umj + umm;
        break;
      case 'FullCommit':
        uIkJ = umi + umi + umi;
        uJkI = umj + umj + umj;
        uIJk = umi + umi + umi;
        uJKi = umj + umj + umj;
        break;
      case 'NoCommit':
        uIkJ = umi + umi + umm;
        uJkI = umj + umj + umm;
        uIJk = umi + umi + umm;
        uJKi = umj + umj + umm;
        break;
    }
    const uSideI = pin * uIkJ + pjn * uJkI;
    const uSideJ = pin * uIJk + pjn * uJKi;
    const v = proportional ? wm * (uSideI - uSideJ) : vote(rule, wm, uSideI, uSideJ);
    chij = v > 0 ? chij + v : chij;
    chji = v < 0 ? chji - v : chji;
  }
  return [chij / (chij + chji), chji / (chij + chji)];
}

/** Expected change in utility for k (in h's estimate, U = U_h) of i challenging j, given [phij, phji]. */
export function challengeGain(ctx: ChallengeContext, u: Float64Array, k: number, i: number, j: number, prob: [number, number]): number {
  const n = ctx.n;
  return challengeGainFrom(u[k * n + i]!, u[k * n + j]!, ctx.totalSalience[j]!, prob[0], prob[1]);
}

/** Step 4 of the header from U[k][i], U[k][j], S_j, phij and phji. */
export function challengeGainFrom(uki: number, ukj: number, sj: number, phij: number, phji: number): number {
  const euSQ = uki + ukj;
  const uhkij = uki + uki;
  const uhkji = ukj + ukj;
  const euVict = uhkij;
  const euCntst = phij * uhkij + phji * uhkji;
  const euChlg = (1 - sj) * euVict + sj * euCntst;
  return euChlg - euSQ;
}

/** KTAB probEduChlg(h, k, i, j): [phij, value to k]. */
export function probEduChallenge(ctx: ChallengeContext, u: Float64Array, k: number, i: number, j: number): [number, number] {
  const prob = challengeWinProbability(ctx, u, i, j);
  return [prob[0], challengeGain(ctx, u, k, i, j, prob)];
}

/**
 * Fast path of challengeWinProbability for the default switches (Proportional votes, SemiCommit),
 * same arithmetic in the same order, reading h's utilities by column: `colI[m] = U_h[m][i]`,
 * `colJ[m] = U_h[m][j]`, `diag[m] = U_h[m][m]`, so the third-party loop walks memory contiguously.
 * Writes [phij, phji] into `out`.
 */
export function challengeWinProbabilityFast(
  ctx: ChallengeContext,
  colI: Float64Array,
  colJ: Float64Array,
  diag: Float64Array,
  i: number,
  j: number,
  out: Float64Array,
): void {
  const n = ctx.n;
  const w = ctx.salientPower;
  const uii = colI[i]!;
  const uij = colJ[i]!;
  const uji = colI[j]!;
  const ujj = colJ[j]!;
  const contribI = w[i]! * (uii - uij);
  const contribJ = w[j]! * (uji - ujj);
  let chij = 1e-10;
  let chji = 1e-10;
  if (contribI > 0) chij = chij + contribI;
  if (contribI < 0) chji = chji - contribI;
  if (contribJ > 0) chij = chij + contribJ;
  if (contribJ < 0) chji = chji - contribJ;
  const ci0 = chij;
  const cj0 = chji;
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const wm = w[m]!;
    const umi = colI[m]!;
    const umj = colJ[m]!;
    const umm = diag[m]!;
    const e = wm * (umi - umj);
    const cni = e > 0 ? ci0 + e : ci0;
    const cnj = e < 0 ? cj0 - e : cj0;
    const pin = cni / (cni + cnj);
    const pjn = 1.0 - pin;
    const uSideI = pin * (umi + umi + umm) + pjn * (umj + umj + umj);
    const uSideJ = pin * (umi + umi + umi) + pjn * (umj + umj + umm);
    const v = wm * (uSideI - uSideJ);
    chij = v > 0 ? chij + v : chij;
    chji = v < 0 ? chji - v : chji;
  }
  out[0] = chij / (chij + chji);
  out[1] = chji / (chij + chji);
}
