/**
 * Risk attitudes of SMP actors, inferred once per state from how likely each actor's position is
 * to win (KTAB examples/smp/libsrc/smp.cpp SMPState::setAllAUtil;
 * KTAB/kmodel/libsrc/kmodel.cpp Model::bigRfromProb, Model::estNRA; docs/smp.md, "What it computes",
 * step 1).
 *
 * 1. Risk-neutral utilities U0[i][j] = 1 - d_ij, where d_ij = d_i(ideal_i, position_j).
 * 2. P = PCE over the N actor positions (N options, duplicates not merged), voters weighted by
 *    power c_k only, votes VR(c_k, U0[k][a], U0[k][b]).
 * 3. R_i from P (RR Mid): (3 P_i - (Pmax + 2 Pmin)) / (2 (Pmax - Pmin)), in [-1/2, 1];
 *    Min: (P_i - Pmin)/(Pmax - Pmin); Max: (2 P_i - Pmax - Pmin)/(Pmax - Pmin).
 * 4. h's estimate of i's attitude (RA OneThird): (2 R_h + R_i)/3; None R_h; Half (R_h + R_i)/2;
 *    TwoThirds (R_h + 2 R_i)/3; Full R_i.
 *
 * [AMBIGUITY; docs/smp.md, "Deviations and choices", degenerate states] When Pmax == Pmin KTAB
 * divides by zero (and its assertions reject the state). We throw in strict mode, else set every
 * R_i = 0 for that state.
 *
 * KTAB's sanity checks (SMPState::setAllAUtil), applied in strict mode (ktabUtilityChecks): it
 * rejects a state when ||U0 - U_R|| <= 1e-6 (U_R[i][j] = u(d_ij, R_i), Frobenius norm) or when,
 * for some h, ||U_h - U_R|| <= 1e-6. With RA Full, U_h = U_R for every h by construction, so KTAB
 * rejects every run with BigRAdjust Full; Brink runs it unless `strict`.
 */
import { InputError } from '../../errors';
import { scalarPce } from './pce';
import type { SmpModelSwitches, RiskAdjust, RiskRange } from './types';
import { riskUtility } from './utility';

export function riskFromProbabilities(p: ArrayLike<number>, range: RiskRange, strict: boolean): Float64Array {
  const n = p.length;
  let pMin = 1.0;
  let pMax = 0.0;
  for (let i = 0; i < n; i++) {
    const pi = p[i]!;
    pMin = pi < pMin ? pi : pMin;
    pMax = pi > pMax ? pi : pMax;
  }
  const r = new Float64Array(n);
  if (!(pMax > pMin)) {
    if (strict) {
      throw new InputError('every position is equally likely to win, so risk attitudes are undefined (KTAB rejects this state)', {
        place: 'positions',
      });
    }
    return r;
  }
  for (let i = 0; i < n; i++) {
    const pi = p[i]!;
    switch (range) {
      case 'Min':
        r[i] = (pi - pMin) / (pMax - pMin);
        break;
      case 'Mid':
        r[i] = (3 * pi - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
        break;
      case 'Max':
        r[i] = (2 * pi - (pMax + pMin)) / (pMax - pMin);
        break;
    }
  }
  return r;
}

/** h's estimate of i's risk attitude. Note KTAB applies the formula even when h == i. */
export function estimateRisk(rh: number, ri: number, adjust: RiskAdjust): number {
  switch (adjust) {
    case 'Full':
      return ri;
    case 'TwoThirds':
      return (rh + 2.0 * ri) / 3.0;
    case 'Half':
      return (rh + ri) / 2;
    case 'OneThird':
      return (2.0 * rh + ri) / 3.0;
    case 'None':
      return rh;
  }
}

/**
 * Risk attitudes from the distance matrix `diff` (row-major N x N, d_i(ideal_i, position_j)) and
 * powers. Returns the risk-neutral win probabilities too.
 */
export function riskAttitudes(
  diff: Float64Array,
  power: ArrayLike<number>,
  n: number,
  sw: SmpModelSwitches,
  strict: boolean,
): { risk: Float64Array; neutralProb: Float64Array } {
  const u0 = new Float64Array(n * n);
  for (let x = 0; x < n * n; x++) u0[x] = riskUtility(diff[x]!, 0);
  const p = scalarPce(n, n, power, u0, sw.votingRule, sw.victoryProbModel, sw.pceModel);
  const risk = riskFromProbabilities(p, sw.riskRange, strict);
  if (strict) ktabUtilityChecks(diff, risk, n, sw.riskAdjust);
  return { risk, neutralProb: p };
}

/** h's perspective utility matrix U_h[i][j] = u(d_ij, R_hi), written into `out` (N x N, row-major). */
export function perspectiveUtilities(
  h: number,
  diff: Float64Array,
  risk: Float64Array,
  n: number,
  adjust: RiskAdjust,
  out: Float64Array,
): Float64Array {
  const rh = risk[h]!;
  for (let i = 0; i < n; i++) {
    const rhi = estimateRisk(rh, risk[i]!, adjust);
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const d = diff[row + j]!;
      out[row + j] = d <= 1 ? (1 - d) * (1 + d * rhi) : (1 - d) * (1 + rhi);
    }
  }
  return out;
}

/** Frobenius norm of the difference of two N x N matrices given element-wise. */
function normOfDifference(n: number, a: (i: number, j: number) => number, b: (i: number, j: number) => number): number {
  let s = 0.0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = a(i, j) - b(i, j);
      s = s + x * x;
    }
  }
  return Math.sqrt(s);
}

/**
 * KTAB's checks on a state's utilities (SMPState::setAllAUtil, see the header): throws the
 * InputError KTAB's KException corresponds to. Used in strict mode only.
 */
export function ktabUtilityChecks(diff: Float64Array, risk: Float64Array, n: number, adjust: RiskAdjust): void {
  const duTol = 1e-6;
  const raUtil = (i: number, j: number): number => riskUtility(diff[i * n + j]!, risk[i]!);
  if (normOfDifference(n, (i, j) => riskUtility(diff[i * n + j]!, 0), raUtil) <= duTol) {
    throw new InputError('risk-aware utilities equal the risk-neutral ones in this state (KTAB rejects it)', { place: 'positions' });
  }
  for (let h = 0; h < n; h++) {
    const rh = risk[h]!;
    const uh = (i: number, j: number): number => riskUtility(diff[i * n + j]!, estimateRisk(rh, risk[i]!, adjust));
    if (normOfDifference(n, uh, raUtil) <= duTol) {
      const full = adjust === 'Full';
      throw new InputError(
        full
          ? "riskAdjust Full makes every actor's estimate of the others' utilities equal their own, which KTAB rejects in every state"
          : `actor ${h}'s estimate of the others' utilities equals their own in this state (KTAB rejects it)`,
        { place: full ? 'riskAdjust' : 'positions', expected: full ? 'None | OneThird | Half | TwoThirds (KTAB)' : undefined },
      );
    }
  }
}
