/**
 * Votes, coalition strengths and pairwise victory probabilities, as in KTAB.
 *
 * Source: KTAB KTAB/kmodel/libsrc/kmodel.cpp (Model::vote, Model::coalitions, Model::vProb);
 * docs/smp.md, "What it computes", steps 1 and 4, and "Options" (votingRule, victoryProbModel).
 *
 * Vote of weight w between utilities u1, u2 (du = u1 - u2):
 *   Proportional w du; Binary w clamp(du / 1e-8, -1, 1); PropBin w (0.8 du + 0.2 bin);
 *   PropCbc w (0.5 du + 0.5 du^3); Cubic w du^3; ASymProsp w du (du < 0), 2 w du / 3 (du > 0).
 * Coalitions over M options: C(a,b) = 1e-8 + sum_k max(0, v_k(a,b)), C(b,a) = 1e-8 + sum_k max(0, -v_k(a,b)),
 * C(a,a) = 1e-8. Victory probability (Linear) V(a,b) = C(a,b) / (C(a,b) + C(b,a)), V(a,a) = 1/2;
 * Square/Quartic/Octic raise the strengths first; Binary is certain at a strength ratio >= 1.1.
 */
import { InputError } from '../../errors';
import type { VictoryProbModel, VotingRule } from './types';

export function vote(rule: VotingRule, weight: number, u1: number, u2: number): number {
  if (!(weight > 0)) {
    throw new InputError(`voting weight must be positive, got ${weight}`, { place: 'power', expected: '> 0' });
  }
  const du = u1 - u2;
  switch (rule) {
    case 'Proportional':
      return weight * du;
    case 'Binary':
      return weight * binaryResponse(du);
    case 'PropBin':
      return weight * ((1 - 0.2) * du + 0.2 * binaryResponse(du));
    case 'PropCbc':
      return weight * ((1 - 0.5) * du + 0.5 * (du * du * du));
    case 'Cubic':
      return weight * (du * du * du);
    case 'ASymProsp':
      if (du < 0) return weight * du;
      if (du > 0) return (2.0 * weight * du) / 3.0;
      return 0;
  }
}

function binaryResponse(du: number): number {
  let r = du / 1e-8;
  r = r > 1 ? 1 : r;
  r = r < -1 ? -1 : r;
  return r;
}

/** [p1, p2] = probabilities that strengths s1 and s2 prevail. */
export function victoryPair(model: VictoryProbModel, s1: number, s2: number): [number, number] {
  let x1: number;
  let x2: number;
  switch (model) {
    case 'Linear':
      x1 = s1;
      x2 = s2;
      break;
    case 'Square':
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case 'Quartic':
      // KTAB qrtc(x) = x*x*x*x, evaluated left to right (the rounding differs from (x*x)*(x*x))
      x1 = s1 * s1 * s1 * s1;
      x2 = s2 * s2 * s2 * s2;
      break;
    case 'Octic': {
      // KTAB sqr(qrtc(x))
      const q1 = s1 * s1 * s1 * s1;
      const q2 = s2 * s2 * s2 * s2;
      x1 = q1 * q1;
      x2 = q2 * q2;
      break;
    }
    case 'Binary': {
      const thresh = 1.1;
      if (s1 >= thresh * s2) {
        x1 = 1;
        x2 = 1e-6;
      } else if (s2 >= thresh * s1) {
        x1 = 1e-6;
        x2 = 1;
      } else {
        const r12 = s1 / (s1 + s2);
        const p12 = (r12 * (thresh + 1) - 1) / (thresh - 1);
        x1 = p12;
        x2 = 1 - p12;
      }
      break;
    }
  }
  return [x1 / (x1 + x2), x2 / (x1 + x2)];
}

/**
 * Coalition strengths over `numOpt` options from `numAct` voters; `voteOf(k, a, b)` is voter k's
 * vote for a over b. Returns a row-major numOpt x numOpt matrix (only a > b pairs are evaluated,
 * as KTAB does).
 */
export function coalitions(voteOf: (k: number, a: number, b: number) => number, numAct: number, numOpt: number): Float64Array {
  const minC = 1e-8;
  const c = new Float64Array(numOpt * numOpt);
  for (let a = 0; a < numOpt; a++) {
    for (let b = 0; b < a; b++) {
      let cab = minC;
      let cba = minC;
      for (let k = 0; k < numAct; k++) {
        const v = voteOf(k, a, b);
        if (v > 0) cab = cab + v;
        if (v < 0) cba = cba - v;
      }
      c[a * numOpt + b] = cab;
      c[b * numOpt + a] = cba;
    }
    c[a * numOpt + a] = minC;
  }
  return c;
}

/**
 * Coalitions for the common case of a utility matrix `u` ([actor][option], row-major numAct x numOpt)
 * and weights `w`: v_k(a,b) = vote(rule, w_k, u[k][a], u[k][b]). Proportional is inlined for speed.
 */
export function utilityCoalitions(rule: VotingRule, w: ArrayLike<number>, u: ArrayLike<number>, numAct: number, numOpt: number): Float64Array {
  if (rule !== 'Proportional') {
    return coalitions((k, a, b) => vote(rule, w[k]!, u[k * numOpt + a]!, u[k * numOpt + b]!), numAct, numOpt);
  }
  for (let k = 0; k < numAct; k++) vote(rule, w[k]!, 0, 0); // weight check, as KTAB's vote() does
  // transposed copy ([option][actor]) so the voter loop reads memory contiguously
  const ut = new Float64Array(numOpt * numAct);
  for (let k = 0; k < numAct; k++) for (let a = 0; a < numOpt; a++) ut[a * numAct + k] = u[k * numOpt + a]!;
  const wk = Float64Array.from(w);
  const minC = 1e-8;
  const c = new Float64Array(numOpt * numOpt);
  for (let a = 0; a < numOpt; a++) {
    const ra = a * numAct;
    for (let b = 0; b < a; b++) {
      const rb = b * numAct;
      let cab = minC;
      let cba = minC;
      for (let k = 0; k < numAct; k++) {
        const v = wk[k]! * (ut[ra + k]! - ut[rb + k]!);
        if (v > 0) cab = cab + v;
        if (v < 0) cba = cba - v;
      }
      c[a * numOpt + b] = cab;
      c[b * numOpt + a] = cba;
    }
    c[a * numOpt + a] = minC;
  }
  return c;
}

/** Square matrix V(a,b) of victory probabilities from coalition strengths (V(a,a) = 1/2). */
export function victoryMatrix(model: VictoryProbModel, c: Float64Array, numOpt: number): Float64Array {
  const p = new Float64Array(numOpt * numOpt);
  for (let a = 0; a < numOpt; a++) {
    for (let b = 0; b < a; b++) {
      const [pab, pba] = victoryPair(model, c[a * numOpt + b]!, c[b * numOpt + a]!);
      p[a * numOpt + b] = pab;
      p[b * numOpt + a] = pba;
    }
    p[a * numOpt + a] = 0.5;
  }
  return p;
}
